using static CreatorMeta.MetricsIngestion.Domain.Normalization.CanonicalMetrics;

namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// A number computed from canonical values, named, with its formula, what went into it, and why it is missing when it is.
/// A rate keeps its numerator and denominator so groups can add them up.
/// </summary>
public sealed record DerivedValue(string Name, double? Value, string Formula, IReadOnlyList<string> Counted, string? Missing,
    double? Numerator = null, double? Denominator = null);

/// <summary>A derived number's definition, as <c>GET /metrics/definitions</c> lists it.</summary>
public sealed record DerivedDefinition(string Name, string Formula, string Description);

/// <summary>
/// Engagement and the rates built on it. Tools in the field print "engagement rate" without saying over what; here every
/// rate is named by its denominator, and engagement names the interactions it counted in each answer, because a post
/// whose platform reports no saves is not the same sum as one that does.
/// </summary>
public static class DerivedMetrics
{
    public const string Engagement = "engagement";
    public const string ByReach = "engagementRate.byReach";
    public const string ByImpressions = "engagementRate.byImpressions";
    public const string ByViews = "engagementRate.byViews";
    public const string ByFollowers = "engagementRate.byFollowers";
    public const string Ctr = "ctr";

    public static readonly IReadOnlyList<string> Interactions = [Likes, Comments, Shares, Saves];

    private static readonly (string Name, string Denominator)[] Rates =
        [(ByReach, Reach), (ByImpressions, Impressions), (ByViews, Views), (ByFollowers, Followers)];

    public static readonly IReadOnlyList<DerivedDefinition> Definitions =
    [
        new(Engagement, "likes + comments + shares + saves", "Interactions with the post; each answer lists the ones the platform reported."),
        new(ByReach, "engagement / reach", "Share of the accounts reached that interacted."),
        new(ByImpressions, "engagement / impressions", "Interactions per time the post was shown."),
        new(ByViews, "engagement / views", "Interactions per view or play."),
        new(ByFollowers, "engagement / followers", "Interactions per member of the account's audience when the post was observed."),
        new(Ctr, "clicks / impressions", "Click-through rate."),
    ];

    /// <summary>The rate MetricsUpdated carries: the first of these the post has, in this order.</summary>
    public static readonly IReadOnlyList<string> HeadlineRates = [ByReach, ByViews, ByImpressions, ByFollowers];

    public static IReadOnlyList<DerivedValue> Compute(IReadOnlyDictionary<string, double> values)
    {
        var counted = Interactions.Where(values.ContainsKey).ToList();
        double? engagement = counted.Count == 0 ? null : counted.Sum(m => values[m]);
        var derived = new List<DerivedValue>
        {
            new(Engagement, engagement, Formula(Engagement), counted, engagement is null ? "No likes, comments, shares or saves observed." : null),
        };
        foreach (var (name, denominator) in Rates)
            derived.Add(Ratio(name, engagement, [.. counted, denominator], values.GetValueOrDefault(denominator, double.NaN), denominator));
        derived.Add(Ratio(Ctr, values.TryGetValue(Clicks, out var clicks) ? clicks : null, [Clicks, Impressions],
            values.GetValueOrDefault(Impressions, double.NaN), Impressions));
        return derived;
    }

    public static string Formula(string name) => Definitions.First(d => d.Name == name).Formula;

    private static DerivedValue Ratio(string name, double? numerator, IReadOnlyList<string> counted, double denominator, string denominatorName) =>
        numerator is null ? new(name, null, Formula(name), [], $"No {(name == Ctr ? Clicks : Engagement)} observed.")
        : double.IsNaN(denominator) ? new(name, null, Formula(name), [], $"No {denominatorName} observed.")
        : denominator == 0 ? new(name, null, Formula(name), [], $"{denominatorName} is 0.")
        : !double.IsFinite(numerator.Value / denominator) ? new(name, null, Formula(name), [], $"The ratio to {denominatorName} is too large to hold.")
        : new(name, numerator.Value / denominator, Formula(name), counted, null, numerator, denominator);
}
