namespace CreatorMeta.Contracts.Tracking;

/// <summary>A post was taken down on the platform; it stays in history but no longer counts as live.</summary>
public sealed record PublicationRemoved(
    Guid EventId,
    string WorkspaceId,
    DateTimeOffset OccurredAt,
    Guid PublicationId,
    Guid AssetId,
    string Platform,
    string Account,
    DateTimeOffset RemovedAt,
    string? Reason);
