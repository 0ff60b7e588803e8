namespace CreatorMeta.Contracts.Tracking;

/// <summary>
/// A media asset was added to a workspace's library. Duration, language and free attributes came later than the rest:
/// absent (null) from senders that predate them.
/// </summary>
public sealed record AssetRegistered(
    Guid EventId,
    string WorkspaceId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    string Title,
    string Kind,
    string? ContentHash,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> VisualElements,
    string? Format,
    double? DurationSeconds = null,
    string? Language = null,
    IReadOnlyDictionary<string, string>? Attributes = null);
