using CreatorMeta.Contracts;

namespace CreatorMeta.Hashtags.Domain;

/// <summary>
/// A publication as the hashtag statistics see it: where and when it went out and the tags it carries — those tracking
/// lists and those its caption holds, by their one spelling. Tracking's events arrive on separate queues in any order,
/// so each fills in what it knows: an edit or a removal may come before the recording it follows.
/// </summary>
public sealed class TaggedPost
{
    private TaggedPost() { }

    public Guid PublicationId { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public Guid AssetId { get; private set; }
    public string Platform { get; private set; } = "";
    public string Account { get; private set; } = "";
    public string? ExternalPostId { get; private set; }

    /// <summary>Null until the recording arrives; until then the post counts nowhere.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    public List<string> Hashtags { get; private set; } = [];

    /// <summary>The publication version the tags are from: 1 as recorded, more after edits, 0 while unknown.</summary>
    public int Version { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public static TaggedPost For(Guid publicationId, string workspaceId, Guid assetId, string platform, string account) => new()
    {
        PublicationId = publicationId,
        WorkspaceId = workspaceId,
        AssetId = assetId,
        Platform = platform,
        Account = account,
    };

    public void Record(DateTimeOffset publishedAt, string? externalPostId, IReadOnlyList<string> hashtags, string? caption)
    {
        PublishedAt = publishedAt.ToUniversalTime();
        ExternalPostId = string.IsNullOrWhiteSpace(externalPostId) ? null : externalPostId.Trim();
        Edit(1, hashtags, caption);
    }

    /// <summary>Applies an edit unless a newer version is already known (edits can arrive out of order).</summary>
    public void Edit(int version, IReadOnlyList<string> hashtags, string? caption)
    {
        if (version <= Version)
            return;
        Version = version;
        Hashtags = TagsOf(hashtags, caption, Platform);
    }

    /// <summary>Taken down: it stays, counted as removed rather than live, whatever arrives after.</summary>
    public void Remove(DateTimeOffset removedAt) => RemovedAt ??= removedAt.ToUniversalTime();

    /// <summary>The tags listed with the post and those its caption holds (read by its platform's rules), each once.</summary>
    public static List<string> TagsOf(IReadOnlyList<string> listed, string? caption, string platform)
    {
        var tags = HashtagNames.Of(listed, platform).Tags;
        if (caption is not null)
            foreach (var found in CaptionText.Hashtags(caption, PlatformConventions.For(platform)))
                if (!tags.Contains(found.Tag))
                    tags.Add(found.Tag);
        return tags;
    }
}
