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
    public List<string> Topics { get; private set; } = [];
    public List<string> VisualElements { get; private set; } = [];
    public string? Format { get; private set; }
    public string? Language { get; private set; }
    public AssetStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<Publication> Publications => _publications;

    public static Asset Register(string workspaceId, AssetDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = workspaceId,
        Title = details.Title,
        Description = details.Description,
        Kind = details.Kind,
        ContentHash = details.ContentHash,
        Topics = [.. details.Topics],
        VisualElements = [.. details.VisualElements],
        Format = details.Format,
        Language = details.Language,
        Status = AssetStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// Records that this asset went live. <paramref name="earlier"/> is what the duplicate guard found live on the
    /// same platform account; it must be empty unless the publication is a deliberate repurpose with a reason.
    /// </summary>
    public Publication RecordPublication(PublicationDetails details, IReadOnlyCollection<Publication> earlier, DateTimeOffset now)
    {
        if (Status == AssetStatus.Archived)
            throw new InvalidOperationException("An archived asset cannot be published.");
        if (earlier.Count > 0 && string.IsNullOrWhiteSpace(details.RepurposeReason))
            throw new InvalidOperationException("The duplicate guard refused this publication.");
        var publication = Publication.Record(this, details, now);
        _publications.Add(publication);
        Status = AssetStatus.Published;
        UpdatedAt = now;
        return publication;
    }
}

public sealed record AssetDetails(
    string Title, string? Description, AssetKind Kind, string? ContentHash,
    IReadOnlyList<string> Topics, IReadOnlyList<string> VisualElements, string? Format, string? Language);
