namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>What a post's readings come to: resolved values, derived numbers, values at fixed ages, and what its score is taken on.</summary>
public sealed record ResolvedPost(
    Resolution Resolution,
    IReadOnlyList<DerivedValue> Derived,
    IReadOnlyList<AgeAlignedValues> Ages,
    ScoreBasis? ScoreBasis,
    IReadOnlyList<string> Unmapped,
    IReadOnlyList<long> BeforePublication);

/// <summary>The post's engagement at the age it is scored at.</summary>
public sealed record ScoreBasis(string Age, double Engagement);

public static class PostResolution
{
    /// <summary>
    /// Readings from before the post went out cannot be of it (a wrong id or a wrong clock) and are set aside, named. The
    /// score is taken at the oldest standard age the post has a fair (not extrapolated) engagement value for.
    /// </summary>
    public static ResolvedPost Resolve(IReadOnlyList<Reading> readings, DateTimeOffset? publishedAt, DateTimeOffset now, ResolutionSettings settings)
    {
        var early = readings.Where(r => r.ObservedAt < publishedAt).Select(r => r.ObservationId).ToHashSet();
        var counted = readings.Where(r => !early.Contains(r.ObservationId)).ToList();
        var resolution = ReadingResolver.Resolve(counted, settings);
        var derived = DerivedMetrics.Compute(resolution.Current.ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal));
        var ages = publishedAt is { } start ? PostAges.Align(resolution.Curve, start, now) : [];
        var basis = ages.LastOrDefault(a => a.Values.TryGetValue(DerivedMetrics.Engagement, out var v) && v.IsComparable());
        return new ResolvedPost(resolution, derived, ages,
            basis is null ? null : new ScoreBasis(basis.Age, basis.Values[DerivedMetrics.Engagement].Value),
            [.. counted.SelectMany(r => r.Values.Unmapped).Distinct().Order(StringComparer.Ordinal)], [.. early.Order()]);
    }
}
