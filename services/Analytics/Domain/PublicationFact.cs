namespace CreatorMeta.Analytics.Domain;

/// <summary>Analytics' own copy of a publication, projected from tracking's events.</summary>
public sealed class PublicationFact
{
    private PublicationFact() { }

    public Guid PublicationId { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public Guid AssetId { get; private set; }
    public string Platform { get; private set; } = "";
    public string Account { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    public int HashtagCount { get; private set; }
    public bool IsRepurpose { get; private set; }

    public static PublicationFact Project(Guid publicationId, string workspaceId, Guid assetId, string platform, string account,
        DateTimeOffset publishedAt, int hashtagCount, bool isRepurpose) => new()
    {
        PublicationId = publicationId,
        WorkspaceId = workspaceId,
        AssetId = assetId,
        Platform = platform,
        Account = account,
        PublishedAt = publishedAt,
        HashtagCount = hashtagCount,
        IsRepurpose = isRepurpose,
    };
}
