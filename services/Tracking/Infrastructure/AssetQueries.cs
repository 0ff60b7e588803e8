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

    /// <summary>The asset a publication belongs to, loaded as <see cref="FindAssetAsync"/> does.</summary>
    public static async Task<Asset?> FindAssetOfPublicationAsync(this TrackingDb db, WorkspaceId workspace, Guid publicationId, CancellationToken cancellationToken)
    {
        var assetId = await db.Publications.Where(p => p.Id == publicationId && p.WorkspaceId == workspace.Value)
            .Select(p => (Guid?)p.AssetId).FirstOrDefaultAsync(cancellationToken);
        return assetId is { } id ? await db.FindAssetAsync(workspace, id, tracked: true, cancellationToken) : null;
    }
}
