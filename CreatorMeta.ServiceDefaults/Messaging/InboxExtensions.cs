using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.ServiceDefaults.Messaging;

public static class InboxExtensions
{
    /// <summary>
    /// Applies a message's effects at most once per consumer: the inbox record and the effects commit in one
    /// transaction, so a redelivery after a crash either finds the record (and is dropped) or finds nothing applied.
    /// Returns false for a duplicate.
    /// </summary>
    public static async Task<bool> ApplyOnceAsync(this DbContext db, string messageId, string consumer,
        Func<Task> apply, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A concurrent duplicate blocks on this insert until the first commits, then inserts nothing.
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, now()) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (inserted == 0)
            return false;
        await apply();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
