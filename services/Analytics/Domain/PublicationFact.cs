namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// Analytics' own copy of a publication, projected from tracking's events. They arrive on separate queues in any order,
/// so each fills in what it knows: an edit or removal may come before the recording it follows.
/// </summary>
public sealed class PublicationFact
{
    private PublicationFact() { }

    public Guid PublicationId { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public Guid AssetId { get; private set; }
    public string Platform { get; private set; } = "";
    public string Account { get; private set; } = "";

    /// <summary>Null until the recording arrives; until then the fact counts nowhere.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The platform's id of the post, which its numbers from metrics-ingestion are keyed by; null when unknown.</summary>
    public string? ExternalPostId { get; private set; }

    public int HashtagCount { get; private set; }

    /// <summary>The caption's length in characters as a reader counts them (an emoji is one); 0 without a caption.</summary>
    public int CaptionLength { get; private set; }

    public bool IsRepurpose { get; private set; }

    /// <summary>The publication version the hashtags and caption are from: 1 as recorded, more after edits, 0 while unknown.</summary>
    public int Version { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public static PublicationFact For(Guid publicationId, string workspaceId, Guid assetId, string platform, string account) => new()
    {
        PublicationId = publicationId,
        WorkspaceId = workspaceId,
        AssetId = assetId,
        Platform = platform,
        Account = account,
    };

    /// <summary>The publication as it went live; hashtags and caption from a later edit that arrived first are kept.</summary>
    public void Record(DateTimeOffset publishedAt, string? externalPostId, int hashtagCount, string? caption, bool isRepurpose)
    {
        PublishedAt = publishedAt;
        ExternalPostId = string.IsNullOrWhiteSpace(externalPostId) ? null : externalPostId.Trim();
        IsRepurpose = isRepurpose;
        Edit(1, hashtagCount, caption);
    }

    /// <summary>Applies an edit unless a newer version is already known (edits can arrive out of order).</summary>
    public void Edit(int version, int hashtagCount, string? caption)
    {
        if (version <= Version)
            return;
        Version = version;
        HashtagCount = hashtagCount;
        CaptionLength = caption is null ? 0 : new System.Globalization.StringInfo(caption).LengthInTextElements;
    }

    /// <summary>Taken down: it stays, counted as removed rather than live, whatever arrives after.</summary>
    public void Remove(DateTimeOffset removedAt) => RemovedAt ??= removedAt;
}
