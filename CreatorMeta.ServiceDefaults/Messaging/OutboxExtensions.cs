using Microsoft.EntityFrameworkCore;

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
}
