namespace CreatorMeta.Calendar.Domain;

public enum EntryStatus { Planned, Scheduled, Publishing, Published, Failed, Canceled }

/// <summary>An asset planned to go out on one platform account at a wall-clock time in an IANA time zone.</summary>
public sealed class ScheduleEntry
{
    private ScheduleEntry() { }

    public Guid Id { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public Guid AssetId { get; private set; }
    public string Platform { get; private set; } = "";
    public string Account { get; private set; } = "";
    public DateTime LocalTime { get; private set; }
    public string TimeZone { get; private set; } = "";
    public DateTimeOffset ScheduledAt { get; private set; }
    public EntryStatus Status { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CanceledAt { get; private set; }

    public bool IsActive => Status is EntryStatus.Planned or EntryStatus.Scheduled or EntryStatus.Publishing;

    public static ScheduleEntry Schedule(string workspaceId, Guid assetId, string platform, string account,
        ZonedTime at, string? idempotencyKey, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = workspaceId,
        AssetId = assetId,
        Platform = platform,
        Account = account,
        LocalTime = at.Local,
        TimeZone = at.Zone.Id,
        ScheduledAt = at.Instant,
        Status = EntryStatus.Scheduled,
        IdempotencyKey = idempotencyKey,
        CreatedAt = now,
    };

    /// <summary>Whether a repeated request (same idempotency key) asks for this very plan.</summary>
    public bool Matches(Guid assetId, string platform, string account, DateTime localTime, string timeZone) =>
        AssetId == assetId && Platform == platform && Account == account && LocalTime == localTime && TimeZone == timeZone;

    /// <summary>Cancels a plan that has not gone out yet; returns false when it is too late (or already canceled).</summary>
    public bool Cancel(DateTimeOffset now)
    {
        if (Status is not (EntryStatus.Planned or EntryStatus.Scheduled))
            return false;
        Status = EntryStatus.Canceled;
        CanceledAt = now;
        return true;
    }
}
