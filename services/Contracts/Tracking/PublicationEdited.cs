namespace CreatorMeta.Contracts.Tracking;

/// <summary>A live post's caption or hashtags were edited on the platform; <see cref="Version"/> counts from 1.</summary>
public sealed record PublicationEdited(
    Guid EventId,
    string WorkspaceId,
    DateTimeOffset OccurredAt,
    Guid PublicationId,
    Guid AssetId,
    string Platform,
    string Account,
    int Version,
    string? Caption,
    IReadOnlyList<string> Hashtags);
