using CreatorMeta.Tracking.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Infrastructure;

public static class AccountQueries
{
    /// <summary>The zones of the workspace's registered accounts (a handful of rows), for showing posts in local time.</summary>
    public static async Task<AccountTimeZones> AccountTimeZonesAsync(this TrackingDb db, string workspaceId, CancellationToken cancellationToken) =>
        new(await db.Accounts.AsNoTracking().Where(a => a.WorkspaceId == workspaceId).ToListAsync(cancellationToken));
}
