using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.ServiceDefaults.Data;

public static class TransactionLocks
{
    /// <summary>
    /// Takes a PostgreSQL advisory lock on <paramref name="key"/> until the current transaction ends, serializing every
    /// decision about the same thing (say, one platform account) across requests and service instances.
    /// </summary>
    public static Task LockUntilCommitAsync(this DbContext db, string key, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
}
