namespace CreatorMeta.Tracking.Domain;

/// <summary>One appearance of an asset on one platform account, with every version of its caption.</summary>
public sealed class Publication
{
    private readonly List<PublicationVersion> _versions = [];

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
    public int Version { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public string? RemovalReason { get; private set; }
    public IReadOnlyList<PublicationVersion> Versions => _versions;

    internal static Publication Record(Asset asset, PublicationDetails details, DateTimeOffset now)
    {
        var publication = new Publication
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
        publication.AddVersion(publication.PublishedAt);
        return publication;
    }

    /// <summary>The post was edited on the platform: a new version when caption or hashtags really changed.</summary>
    internal bool Edit(string? caption, IReadOnlyList<string> hashtags, DateTimeOffset editedAt)
    {
        if (caption == Caption && hashtags.SequenceEqual(Hashtags))
            return false;
        if (Status == PublicationStatus.Removed)
            throw new InvalidOperationException("A removed post cannot be edited.");
        Caption = caption;
        Hashtags = [.. hashtags];
        AddVersion(editedAt.ToUniversalTime());
        return true;
    }

    /// <summary>The post was taken down: it stops counting as live but stays in the history. False if it already was.</summary>
    internal bool Remove(DateTimeOffset removedAt, string? reason)
    {
        if (Status == PublicationStatus.Removed)
            return false;
        Status = PublicationStatus.Removed;
        RemovedAt = removedAt.ToUniversalTime();
        RemovalReason = reason;
        return true;
    }

    private void AddVersion(DateTimeOffset at)
    {
        Version++;
        _versions.Add(new PublicationVersion(Id, Version, Caption, [.. Hashtags], at));
    }
}

/// <summary>What a post said from <see cref="ValidFrom"/> until the next version.</summary>
public sealed record PublicationVersion(Guid PublicationId, int Version, string? Caption, List<string> Hashtags, DateTimeOffset ValidFrom);

public sealed record PublicationDetails(
    string Platform, string Account, string? ExternalPostId, string? PostUrl, DateTimeOffset PublishedAt,
    string? Caption, IReadOnlyList<string> Hashtags, PublicationSource Source, string? RepurposeReason);
