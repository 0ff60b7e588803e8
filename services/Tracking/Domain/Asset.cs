namespace CreatorMeta.Tracking.Domain;

/// <summary>A photo or video in a creator's library; the ledger of where it went is keyed on it.</summary>
public sealed class Asset
{
    private readonly List<Publication> _publications = [];

    private Asset() { }

    public Guid Id { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public AssetKind Kind { get; private set; }
    public string? ContentHash { get; private set; }
    public long? PerceptualHash { get; private set; }
    public double? DurationSeconds { get; private set; }
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public List<string> Topics { get; private set; } = [];
    public List<string> VisualElements { get; private set; } = [];
    public string? Format { get; private set; }
    public string? Language { get; private set; }
    public Dictionary<string, string> Attributes { get; private set; } = [];
    public AssetStatus Status { get; private set; }
    /// <summary>Created by an import that matched no asset: its details are placeholders until someone reviews it.</summary>
    public bool NeedsReview { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? ArchivedAt { get; private set; }
    /// <summary>Title, description and every caption as search's plain words (<see cref="SearchWords"/>), for full-text search.</summary>
    public string SearchText { get; private set; } = "";
    /// <summary>The platforms it is live on now, and the hashtags of those live posts: the ledger at a glance, for filtering.</summary>
    public List<string> LivePlatforms { get; private set; } = [];
    public List<string> LiveHashtags { get; private set; } = [];
    public IReadOnlyList<Publication> Publications => _publications;

    /// <summary>Its descriptive details as they stand, the starting point of a partial update.</summary>
    public AssetDetails Details => new(Title, Description, Kind, ContentHash, PerceptualHash, DurationSeconds, Width, Height,
        Topics, VisualElements, Format, Language, Attributes);

    public static Asset Register(string workspaceId, AssetDetails details, DateTimeOffset now, bool needsReview = false)
    {
        var asset = new Asset
        {
            Id = Guid.CreateVersion7(now),
            WorkspaceId = workspaceId,
            Status = AssetStatus.Draft,
            NeedsReview = needsReview,
            CreatedAt = now,
        };
        asset.Apply(details, now);
        return asset;
    }

    /// <summary>Replaces the descriptive details; returns the names of the fields that changed.</summary>
    public IReadOnlyList<string> Update(AssetDetails details, bool reviewed, DateTimeOffset now)
    {
        var before = Snapshot();
        Apply(details, now);
        if (reviewed)
            NeedsReview = false;
        return before.Zip(Snapshot(), (old, @new) => (old.Name, Changed: !Equals(old.Value, @new.Value)))
            .Where(f => f.Changed).Select(f => f.Name).ToList();
    }

    /// <summary>Moves through the lifecycle; returns why not when the move is not allowed.</summary>
    public string? ChangeStatus(AssetStatus to, DateTimeOffset now)
    {
        if (AssetLifecycle.Refusal(Status, to, _publications.Count > 0) is { } refusal)
            return refusal;
        if (Status != to)
        {
            ArchivedAt = to == AssetStatus.Archived ? now : null;
            Status = to;
            UpdatedAt = now;
        }
        return null;
    }

    /// <summary>
    /// Records that this asset went live. <paramref name="conflicts"/> is what the duplicate guard found; only a
    /// deliberate repurpose with a reason goes past an earlier post, and nothing but an import past an archived asset.
    /// Its other publications need not be loaded: a new live post only adds to the summary.
    /// </summary>
    public Publication RecordPublication(PublicationDetails details, IReadOnlyCollection<GuardConflict> conflicts, DateTimeOffset now)
    {
        // An import records what already happened on a platform, so the guard cannot refuse it.
        if (details.Source != PublicationSource.Imported && conflicts.Any(c => c.Refuses(details.RepurposeReason)))
            throw new InvalidOperationException("The duplicate guard refused this publication.");
        var publication = Publication.Record(this, details, now);
        _publications.Add(publication);
        if (Status != AssetStatus.Archived)
            Status = AssetStatus.Published;
        UpdatedAt = now;
        if (!string.IsNullOrWhiteSpace(publication.Caption))
            SearchText = SearchText.Length == 0 ? SearchWords.Of(publication.Caption) : SearchText + "\n" + SearchWords.Of(publication.Caption);
        LivePlatforms = Union(LivePlatforms, [publication.Platform]);
        LiveHashtags = Union(LiveHashtags, publication.Hashtags);
        return publication;
    }

    /// <summary>One of its posts was edited on the platform; false when nothing really changed.</summary>
    public bool EditPublication(Publication publication, string? caption, IReadOnlyList<string> hashtags, DateTimeOffset editedAt)
    {
        if (!publication.Edit(caption, hashtags, editedAt))
            return false;
        RefreshSummary();
        return true;
    }

    /// <summary>One of its posts was taken down; false when it already was.</summary>
    public bool RemovePublication(Publication publication, DateTimeOffset removedAt, string? reason)
    {
        if (!publication.Remove(removedAt, reason))
            return false;
        RefreshSummary();
        return true;
    }

    /// <summary>Recomputes search text and the live summary from every publication, after an edit, a removal or new details.</summary>
    private void RefreshSummary()
    {
        SearchText = SearchWords.Of(string.Join('\n',
            new[] { Title, Description }.Concat(_publications.Select(p => p.Caption)).Where(t => !string.IsNullOrWhiteSpace(t))));
        var live = _publications.Where(p => p.Status == PublicationStatus.Live).ToList();
        LivePlatforms = Union([], live.Select(p => p.Platform));
        LiveHashtags = Union([], live.SelectMany(p => p.Hashtags));
    }

    private static List<string> Union(IEnumerable<string> summary, IEnumerable<string> added) =>
        summary.Union(added).Order(StringComparer.Ordinal).ToList();

    private void Apply(AssetDetails details, DateTimeOffset now)
    {
        Title = details.Title;
        Description = details.Description;
        Kind = details.Kind;
        ContentHash = details.ContentHash;
        PerceptualHash = details.PerceptualHash;
        DurationSeconds = details.DurationSeconds;
        Width = details.Width;
        Height = details.Height;
        Topics = [.. details.Topics];
        VisualElements = [.. details.VisualElements];
        Format = details.Format;
        Language = details.Language;
        Attributes = new Dictionary<string, string>(details.Attributes);
        UpdatedAt = now;
        RefreshSummary();
    }

    private (string Name, object? Value)[] Snapshot() =>
    [
        ("title", Title), ("description", Description), ("kind", Kind), ("contentHash", ContentHash),
        ("perceptualHash", PerceptualHash), ("durationSeconds", DurationSeconds), ("width", Width), ("height", Height),
        ("topics", string.Join('\u001f', Topics)), ("visualElements", string.Join('\u001f', VisualElements)),
        ("format", Format), ("language", Language),
        ("attributes", string.Join('\u001f', Attributes.OrderBy(a => a.Key).Select(a => a.Key + "=" + a.Value))),
    ];
}

public sealed record AssetDetails(
    string Title, string? Description, AssetKind Kind, string? ContentHash, long? PerceptualHash,
    double? DurationSeconds, int? Width, int? Height, IReadOnlyList<string> Topics, IReadOnlyList<string> VisualElements,
    string? Format, string? Language, IReadOnlyDictionary<string, string> Attributes);
