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
    public static PostMetrics From(ResolvedPost post, Score score, int observations, DateTimeOffset resolvedAt) => new(
        post.Resolution.Current, post.Resolution.Windowed, post.Derived, post.Ages, score, post.Resolution.Decreases,
        post.Resolution.Conflicts, post.Resolution.Curve, post.Unmapped, post.BeforePublication, observations, resolvedAt);

    /// <summary>The engagement rate MetricsUpdated carries, with its definition in words.</summary>
    public (double? Rate, string? Definition) HeadlineRate()
    {
        foreach (var name in DerivedMetrics.HeadlineRates)
            if (Derived.First(d => d.Name == name) is { Value: { } rate } derived)
                return (rate, $"{name} = {derived.Formula}; engagement = {string.Join(" + ", derived.Counted.SkipLast(1))}");
        return (null, null);
    }
}
