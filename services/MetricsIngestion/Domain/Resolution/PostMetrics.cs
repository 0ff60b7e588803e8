namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>Everything resolved about one post, as stored after each resolution and served by <c>GET /publications/{id}/metrics</c>.</summary>
public sealed record PostMetrics(
    IReadOnlyDictionary<string, ResolvedValue> Values,
    IReadOnlyList<WindowedValue> Windowed,
    IReadOnlyList<DerivedValue> Derived,
    IReadOnlyList<AgeAlignedValues> Ages,
    Score Score,
    IReadOnlyList<Decrease> Decreases,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<CurvePoint> Growth,
    IReadOnlyList<string> UnmappedFields,
    IReadOnlyList<long> SetAsideBeforePublication,
    int Observations,
    DateTimeOffset ResolvedAt)
{
    /// <summary>The most growth points kept: a year of hourly polls would otherwise be rewritten in full on every reading.</summary>
    public const int MaxGrowthPoints = 500;

    public static PostMetrics From(ResolvedPost post, Score score, int observations, DateTimeOffset resolvedAt) => new(
        post.Resolution.Current, post.Resolution.Windowed, post.Derived, post.Ages, score, post.Resolution.Decreases,
        post.Resolution.Conflicts, Thinned(post.Resolution.Curve), post.Unmapped, post.BeforePublication, observations, resolvedAt);

    /// <summary>Evenly spaced points of a long curve, its first and last always among them.</summary>
    private static IReadOnlyList<CurvePoint> Thinned(IReadOnlyList<CurvePoint> curve) => curve.Count <= MaxGrowthPoints ? curve
        : [.. Enumerable.Range(0, MaxGrowthPoints).Select(i => curve[(int)Math.Round(i * (curve.Count - 1) / (double)(MaxGrowthPoints - 1))])];

    /// <summary>The engagement rate MetricsUpdated carries, with its definition in words.</summary>
    public (double? Rate, string? Definition) HeadlineRate()
    {
        var counted = Derived.First(d => d.Name == DerivedMetrics.Engagement).Counted;
        foreach (var name in DerivedMetrics.HeadlineRates)
            if (Derived.First(d => d.Name == name) is { Value: { } rate } derived)
                return (rate, $"{name} = {derived.Formula}; engagement = {string.Join(" + ", counted)}");
        return (null, null);
    }
}
