using System.ComponentModel.DataAnnotations;

namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Configuration section "Messaging": how the outbox retries, parks and leases its rows, and how long outbox and inbox
/// rows are kept (docs/decisions/0003-outbox-and-inbox.md).
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Dispatched outbox rows older than this are deleted; until then they show what was sent, and when.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Inbox rows older than this are deleted. It must outlive any redelivery (a message moved back from an _error queue
    /// days later, say): a message whose row is gone is applied again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often expired rows are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Rows deleted per statement, so a large backlog never holds many row locks for long.</summary>
    [Range(1, 100_000)]
    public int RetentionBatchSize { get; set; } = 1000;

    /// <summary>An outbox row that cannot be turned into a message this many times is parked until re-driven.</summary>
    [Range(1, 100)]
    public int ParkAfterAttempts { get; set; } = 5;

    /// <summary>Wait after a first failed attempt; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a dispatcher owns the rows it claimed. If it dies mid-batch, another instance (or its restart) takes them
    /// over after this; it must be longer than one publish may take (10 s) and the time to record it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:20", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Messages each receive endpoint handles at once; MassTransit's default when unset. One makes each queue strictly
    /// ordered, which tests use: once a later message is handled, every earlier one on that queue was.
    /// </summary>
    [Range(1, 1000)]
    public int? ConcurrentMessageLimit { get; set; }

    /// <summary>
    /// Outbox rows published at once, each still confirmed by the broker before it is marked. One keeps the outbox's order;
    /// more is for a service whose consumers take its events in any order (metrics-ingestion's MetricsUpdated carries the
    /// post's revision), where a confirm at a time would cap it at one event per broker round trip.
    /// </summary>
    [Range(1, 1000)]
    public int PublishConcurrency { get; set; } = 1;

    public OutboxRetryPolicy RetryPolicy() => new(RetryDelay, MaxRetryDelay, ParkAfterAttempts);
}
