using CreatorMeta.Contracts;

namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// What analytics knows of an asset: the attributes its publications are analysed by. Registration and updates come on
/// separate queues in any order, so the newest description (by when tracking made it) wins.
/// </summary>
public sealed class AssetFact
{
    private AssetFact() { }

    public Guid AssetId { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string? Format { get; private set; }
    public List<string> Topics { get; private set; } = [];
    public List<string> VisualElements { get; private set; } = [];
    public double? DurationSeconds { get; private set; }
    public string? Language { get; private set; }
    public Dictionary<string, string> Attributes { get; private set; } = [];
    public DateTimeOffset AsOf { get; private set; }

    public static AssetFact For(Guid assetId, string workspaceId) => new() { AssetId = assetId, WorkspaceId = workspaceId, AsOf = DateTimeOffset.MinValue };

    /// <summary>Takes a description unless a newer one is already known; returns whether it did.</summary>
    public bool Describe(AssetDescription description, DateTimeOffset asOf)
    {
        if (asOf <= AsOf)
            return false;
        Kind = description.Kind;
        Format = Labels.Normalize(description.Format);
        Topics = Distinct(description.Topics);
        VisualElements = Distinct(description.VisualElements);
        DurationSeconds = description.DurationSeconds;
        Language = Labels.Normalize(description.Language);
        Attributes = description.Attributes is null ? [] : new Dictionary<string, string>(description.Attributes);
        AsOf = asOf.ToUniversalTime();
        return true;
    }

    /// <summary>Labels in their one spelling, each once, in a fixed order: an attribute value is compared by name across assets.</summary>
    private static List<string> Distinct(IEnumerable<string> values) => [.. Labels.Of(values).Order(StringComparer.Ordinal)];
}

/// <summary>An asset's attributes as an event states them.</summary>
public sealed record AssetDescription(string Kind, string? Format, IReadOnlyList<string> Topics, IReadOnlyList<string> VisualElements,
    double? DurationSeconds, string? Language, IReadOnlyDictionary<string, string>? Attributes);
