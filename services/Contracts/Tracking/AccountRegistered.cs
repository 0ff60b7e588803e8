namespace CreatorMeta.Contracts.Tracking;

/// <summary>
/// A platform account was registered with the IANA time zone it posts in, so other services can read its publication
/// times as its audience saw them (analytics' weekday and hour).
/// </summary>
public sealed record AccountRegistered(
    Guid EventId,
    string WorkspaceId,
    DateTimeOffset OccurredAt,
    Guid AccountId,
    string Platform,
    string Handle,
    string TimeZone);
