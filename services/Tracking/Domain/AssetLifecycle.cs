namespace CreatorMeta.Tracking.Domain;

/// <summary>
/// draft → approved → published → archived. Publishing happens by recording a publication, never by a status change;
/// archiving is possible from any state, and an archived asset is restored to where its history puts it.
/// </summary>
public static class AssetLifecycle
{
    private static readonly Dictionary<AssetStatus, AssetStatus[]> Allowed = new()
    {
        [AssetStatus.Draft] = [AssetStatus.Approved, AssetStatus.Archived],
        [AssetStatus.Approved] = [AssetStatus.Draft, AssetStatus.Archived],
        [AssetStatus.Published] = [AssetStatus.Archived],
        [AssetStatus.Archived] = [AssetStatus.Draft, AssetStatus.Approved, AssetStatus.Published],
    };

    /// <summary>Why the change is not allowed, or null when it is.</summary>
    public static string? Refusal(AssetStatus from, AssetStatus to, bool hasPublications)
    {
        if (from == to)
            return null;
        if (to == AssetStatus.Published && from != AssetStatus.Archived)
            return "An asset becomes published by recording a publication.";
        if (from == AssetStatus.Archived && to == AssetStatus.Published && !hasPublications)
            return "An asset with no publications is restored to draft or approved, not published.";
        if (from == AssetStatus.Archived && to != AssetStatus.Published && hasPublications)
            return "An asset that has been published is restored to published.";
        return Allowed[from].Contains(to) ? null : $"An asset cannot go from {Name(from)} to {Name(to)}.";
    }

    public static string Name(AssetStatus status) => status.ToString().ToLowerInvariant();
}
