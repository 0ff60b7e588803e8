using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.ServiceDefaults.Messaging;

public static class OutboxExtensions
{
    /// <summary>
    /// Stages an integration event in the outbox; it is saved by the same SaveChanges (and transaction) as the change
    /// that caused it, and published afterwards with <paramref name="eventId"/> as its message id.
    /// </summary>
    public static void PublishOnSave<TEvent>(this DbContext db, Guid eventId, DateTimeOffset occurredAt, TEvent message)
        where TEvent : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(eventId, occurredAt, message));

    /// <summary>
    /// Stages many events at once in the current transaction (begin one first), with one statement instead of one
    /// tracked entity each: for work that publishes hundreds of events per transaction.
    /// </summary>
    public static async Task PublishAllAsync<TEvent>(this DbContext db, IReadOnlyCollection<(Guid EventId, DateTimeOffset OccurredAt, TEvent Message)> events,
        CancellationToken cancellationToken) where TEvent : class
    {
        if (events.Count == 0)
            return;
        var rows = events.Select(e => OutboxMessage.For(e.EventId, e.OccurredAt, e.Message)).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO outbox_messages (id, message_type, body, occurred_at, next_attempt_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[], $5::timestamptz[])
            """, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.AddWithValue(rows.Select(r => r.Id).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.MessageType).ToArray());
        command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Body).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.AddWithValue(rows.Select(r => r.OccurredAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.NextAttemptAt.ToUniversalTime()).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
