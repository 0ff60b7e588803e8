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

    public static OutboxMessage For<TEvent>(Guid eventId, DateTimeOffset occurredAt, TEvent message) where TEvent : class => new()
    {
        Id = eventId,
        MessageType = $"{typeof(TEvent).FullName}, {typeof(TEvent).Assembly.GetName().Name}",
        Body = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
        OccurredAt = occurredAt,
        NextAttemptAt = occurredAt,
    };

    public object Deserialize(out Type type)
    {
        type = Type.GetType(MessageType, throwOnError: true)!;
        return JsonSerializer.Deserialize(Body, type, JsonSerializerOptions.Web)!;
    }

    public void MarkDispatched(DateTimeOffset at) => DispatchedAt = at;

    /// <summary>Backs off exponentially (capped at 10 s) so a broker outage is retried without hammering it.</summary>
    public void RecordFailure(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        var backoff = TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, Math.Min(Attempts, 10))));
        NextAttemptAt = at + backoff * (0.8 + Random.Shared.NextDouble() * 0.4);
    }
}
