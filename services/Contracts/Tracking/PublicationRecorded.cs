namespace CreatorMeta.Contracts.Tracking;

/// <summary>
/// An asset went live on a platform account (recorded, imported or confirmed from the calendar). The caption came later
/// than the rest: absent (null) from senders that predate it.
/// </summary>
public sealed record PublicationRecorded(
    Guid EventId,
    string WorkspaceId,
    DateTimeOffset OccurredAt,
    Guid PublicationId,
    Guid AssetId,
    string Platform,
    string Account,
    string? ExternalPostId,
    string? PostUrl,
    DateTimeOffset PublishedAt,
    string Source,
    IReadOnlyList<string> Hashtags,
    string? RepurposeReason,
    string? Caption = null);
