using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Infrastructure;

public static class AssetQueries
{
    /// <summary>An asset of this workspace with its publications and their versions; null for any other workspace's id.</summary>
    public static Task<Asset?> FindAssetAsync(this TrackingDb db, WorkspaceId workspace, Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var assets = tracked ? db.Assets : db.Assets.AsNoTracking();
        return assets.Include(a => a.Publications).ThenInclude(p => p.Versions).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id && a.WorkspaceId == workspace.Value, cancellationToken);
    }

    /// <summary>
    /// The asset's row alone, tracked and locked until the transaction ends. Every change to an asset happens under this
    /// lock, so concurrent changes to its summary never overwrite each other. Enough for recording a publication.
    /// </summary>
    public static async Task<Asset?> LockAssetAsync(this TrackingDb db, WorkspaceId workspace, Guid id, CancellationToken cancellationToken)
    {
        var locked = await db.Assets.FromSql($"SELECT * FROM assets WHERE id = {id} AND workspace_id = {workspace.Value} FOR UPDATE")
            .ToListAsync(cancellationToken);
        return locked.SingleOrDefault();
    }

    /// <summary>The asset locked as <see cref="LockAssetAsync"/> does, then loaded whole, for changes that recompute its summary.</summary>
    public static async Task<Asset?> LockWholeAssetAsync(this TrackingDb db, WorkspaceId workspace, Guid id, CancellationToken cancellationToken) =>
        await db.LockAssetAsync(workspace, id, cancellationToken) is null ? null : await db.FindAssetAsync(workspace, id, tracked: true, cancellationToken);

    /// <summary>A publication of this workspace with its asset, locked and loaded whole; null for any other id.</summary>
    public static async Task<(Asset Asset, Publication Publication)?> LockPublicationAsync(this TrackingDb db, WorkspaceId workspace,
        Guid publicationId, CancellationToken cancellationToken)
    {
        var assetId = await db.Publications.Where(p => p.Id == publicationId && p.WorkspaceId == workspace.Value)
            .Select(p => (Guid?)p.AssetId).FirstOrDefaultAsync(cancellationToken);
        var asset = assetId is { } id ? await db.LockWholeAssetAsync(workspace, id, cancellationToken) : null;
        return asset is null ? null : (asset, asset.Publications.Single(p => p.Id == publicationId));
    }

    /// <summary>Assets with their publications, in the order of <paramref name="ids"/>.</summary>
    public static async Task<List<Asset>> LoadInOrderAsync(this TrackingDb db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var assets = await db.Assets.AsNoTracking().Include(a => a.Publications).AsSplitQuery()
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return ids.Select(id => assets[id]).ToList();
    }
}
