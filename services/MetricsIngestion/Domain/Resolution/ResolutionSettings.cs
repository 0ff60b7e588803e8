namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// A workspace's rules for turning many readings into one value: which source is believed first, how far two sources
/// may disagree before it is called a conflict, and how many of the creator's posts make a baseline.
/// </summary>
public sealed record ResolutionSettings(IReadOnlyList<string> SourcePrecedence, double ConflictMargin, int MinBaselinePosts)
{
    public static readonly IReadOnlyList<string> Sources = ["api", "webhook", "csv", "scrape", "manual"];

    public static readonly ResolutionSettings Default = new(Sources, 0.10, 10);

    /// <summary>0 for the most trusted source.</summary>
    public int Rank(string source)
    {
        for (var i = 0; i < SourcePrecedence.Count; i++)
            if (SourcePrecedence[i] == source)
                return i;
        return SourcePrecedence.Count;
    }

    public static Dictionary<string, string[]> Validate(IReadOnlyList<string?>? precedence, double? margin, int? minBaselinePosts)
    {
        var errors = new Dictionary<string, string[]>();
        if (precedence is not null && (precedence.Count != Sources.Count || precedence.Distinct().Count() != Sources.Count
                                       || precedence.Any(s => s is null || !Sources.Contains(s))))
            errors["sourcePrecedence"] = [$"List every source once, most trusted first: {string.Join(", ", Sources)}."];
        if (margin is { } m && (!double.IsFinite(m) || m is < 0 or > 1))
            errors["conflictMargin"] = ["conflictMargin is a fraction from 0 to 1 (0.1 flags sources more than 10 % apart)."];
        if (minBaselinePosts is < 1 or > 10_000)
            errors["minBaselinePosts"] = ["minBaselinePosts is from 1 to 10000."];
        return errors;
    }
}
