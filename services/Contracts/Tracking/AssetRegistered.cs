namespace CreatorMeta.Contracts.Tracking;

/// <summary>A media asset was added to a workspace's library.</summary>
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
    string? Format);
