namespace CreatorMeta.Tracking.Domain;

/// <summary>One appearance of an asset on one platform account.</summary>
public sealed class Publication
{
    private Publication() { }

    public Guid Id { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public Guid AssetId { get; private set; }
    public string Platform { get; private set; } = "";
    public string Account { get; private set; } = "";
    public string? ExternalPostId { get; private set; }
    public string? PostUrl { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public string? Caption { get; private set; }
    public List<string> Hashtags { get; private set; } = [];
    public PublicationSource Source { get; private set; }
    public string? RepurposeReason { get; private set; }
    public PublicationStatus Status { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    internal static Publication Record(Asset asset, PublicationDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = asset.WorkspaceId,
        AssetId = asset.Id,
        Platform = details.Platform,
        Account = details.Account,
        ExternalPostId = details.ExternalPostId,
        PostUrl = details.PostUrl,
        PublishedAt = details.PublishedAt.ToUniversalTime(),
        Caption = details.Caption,
        Hashtags = [.. details.Hashtags],
        Source = details.Source,
        RepurposeReason = details.RepurposeReason,
        Status = PublicationStatus.Live,
        RecordedAt = now,
    };
}

public sealed record PublicationDetails(
    string Platform, string Account, string? ExternalPostId, string? PostUrl, DateTimeOffset PublishedAt,
    string? Caption, IReadOnlyList<string> Hashtags, PublicationSource Source, string? RepurposeReason);
