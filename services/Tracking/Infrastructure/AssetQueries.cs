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
    /// An asset with its publications (not their versions), its row locked until the transaction ends, so concurrent
    /// publications of the same asset each see the others when they update it.
    /// </summary>
    public static async Task<Asset?> LockAssetForPublishingAsync(this TrackingDb db, WorkspaceId workspace, Guid id, CancellationToken cancellationToken)
    {
        var locked = await db.Database.SqlQuery<Guid>(
            $"SELECT id AS \"Value\" FROM assets WHERE id = {id} AND workspace_id = {workspace.Value} FOR UPDATE").ToListAsync(cancellationToken);
        return locked.Count == 0 ? null : await db.Assets.Include(a => a.Publications).AsSplitQuery()
            .FirstAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Assets with their publications, in the order of <paramref name="ids"/>.</summary>
    public static async Task<List<Asset>> LoadInOrderAsync(this TrackingDb db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var assets = await db.Assets.AsNoTracking().Include(a => a.Publications).AsSplitQuery()
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        return ids.Select(id => assets[id]).ToList();
    }

    /// <summary>The asset a publication belongs to, loaded as <see cref="FindAssetAsync"/> does.</summary>
    public static async Task<Asset?> FindAssetOfPublicationAsync(this TrackingDb db, WorkspaceId workspace, Guid publicationId, CancellationToken cancellationToken)
    {
        var assetId = await db.Publications.Where(p => p.Id == publicationId && p.WorkspaceId == workspace.Value)
            .Select(p => (Guid?)p.AssetId).FirstOrDefaultAsync(cancellationToken);
        return assetId is { } id ? await db.FindAssetAsync(workspace, id, tracked: true, cancellationToken) : null;
    }
}
