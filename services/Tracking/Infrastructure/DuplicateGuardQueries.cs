using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.Tracking.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Infrastructure;

public static class DuplicateGuardQueries
{
    /// <summary>
    /// Serializes every publication decision for one platform account until the transaction ends, so two
    /// simultaneous requests cannot both pass the duplicate guard.
    /// </summary>
    public static Task LockAccountAsync(this TrackingDb db, string workspaceId, string platform, string account, CancellationToken cancellationToken) =>
        db.LockUntilCommitAsync($"tracking/{workspaceId}/{platform}/{account}", cancellationToken);

    public static Task<Publication?> FindByExternalIdAsync(this TrackingDb db, string workspaceId, string platform, string externalPostId, CancellationToken cancellationToken) =>
        db.Publications.AsNoTracking().FirstOrDefaultAsync(
            p => p.WorkspaceId == workspaceId && p.Platform == platform && p.ExternalPostId == externalPostId, cancellationToken);

    /// <summary>Live publications on the account of this asset or of any asset with the same content hash, earliest first.</summary>
    public static Task<List<Publication>> LiveDuplicatesAsync(this TrackingDb db, Asset asset, string platform, string account, CancellationToken cancellationToken)
    {
        var sameContent = db.Assets
            .Where(a => a.WorkspaceId == asset.WorkspaceId && (a.Id == asset.Id || (asset.ContentHash != null && a.ContentHash == asset.ContentHash)))
            .Select(a => a.Id);
        return db.Publications
            .Where(p => p.WorkspaceId == asset.WorkspaceId && p.Platform == platform && p.Account == account
                && p.Status == PublicationStatus.Live && sameContent.Contains(p.AssetId))
            .OrderBy(p => p.PublishedAt)
            .ToListAsync(cancellationToken);
    }
}
