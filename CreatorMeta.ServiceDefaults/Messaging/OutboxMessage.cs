using System.Text.Json;

namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>An integration event waiting in the service's own database to be published (the transactional outbox).</summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public Guid Id { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Set (in SQL) when a dispatcher claims the row; until then no other dispatcher takes it.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    /// <summary>Set when the row could not become a message too often; it is left alone until re-driven.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public static OutboxMessage For<TEvent>(Guid eventId, DateTimeOffset occurredAt, TEvent message) where TEvent : class => new()
    {
        Id = eventId,
        MessageType = $"{typeof(TEvent).FullName}, {typeof(TEvent).Assembly.GetName().Name}",
        Body = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
        OccurredAt = occurredAt,
        NextAttemptAt = occurredAt,
    };

    /// <summary>The event as its own type; throws if the type no longer exists or the body does not read as it.</summary>
    public object Deserialize(out Type type)
    {
        type = Type.GetType(MessageType, throwOnError: true)!;
        return JsonSerializer.Deserialize(Body, type, JsonSerializerOptions.Web)
            ?? throw new JsonException($"The body of {MessageType} is null.");
    }

    public void MarkDispatched(DateTimeOffset at)
    {
        DispatchedAt = at;
        ClaimedUntil = null;
    }

    /// <summary>The broker did not take the message: backs off exponentially so an outage is retried without hammering it.</summary>
    public void RecordFailure(string error, DateTimeOffset at, OutboxRetryPolicy policy)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = at + policy.BackoffAfter(Attempts);
        ClaimedUntil = null;
    }

    /// <summary>
    /// The row could not become a message (its type is gone, its body does not read). Retried with backoff, in case an
    /// instance that knows the type picks it up, then parked at the policy's bound.
    /// </summary>
    public void RecordUnpublishable(string error, DateTimeOffset at, OutboxRetryPolicy policy)
    {
        RecordFailure(error, at, policy);
        if (Attempts >= policy.ParkAfterAttempts)
            ParkedAt = at;
    }

    /// <summary>Gives the claim back untried, to be taken again no earlier than <paramref name="notBefore"/>.</summary>
    public void Release(DateTimeOffset? notBefore = null)
    {
        ClaimedUntil = null;
        if (notBefore is { } later && later > NextAttemptAt)
            NextAttemptAt = later;
    }

    /// <summary>Un-parks the row (its cause fixed, say a type restored) to be tried again now, with a fresh count.</summary>
    public void Redrive(DateTimeOffset at)
    {
        ParkedAt = null;
        Attempts = 0;
        NextAttemptAt = at;
        ClaimedUntil = null;
    }
}
