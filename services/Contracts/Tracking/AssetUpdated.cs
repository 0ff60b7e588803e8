namespace CreatorMeta.Contracts.Tracking;

/// <summary>An asset's details or lifecycle status changed; <see cref="ChangedFields"/> names what changed.</summary>
public sealed record AssetUpdated(
    Guid EventId,
    string WorkspaceId,
    DateTimeOffset OccurredAt,
    Guid AssetId,
    IReadOnlyList<string> ChangedFields,
    string Status,
    string Title,
    string Kind,
    string? ContentHash,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> VisualElements,
    string? Format,
    double? DurationSeconds = null,
    string? Language = null,
    IReadOnlyDictionary<string, string>? Attributes = null);
