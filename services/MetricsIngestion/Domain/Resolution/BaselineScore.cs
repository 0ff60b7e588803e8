namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// Where a post stands among the creator's other posts on the same platform, account and format at the same age.
/// <see cref="Percentile"/> is the share of those posts it did better than (ties count half); <see cref="RobustZ"/> is its
/// distance from their median in scaled median absolute deviations, which a few viral posts do not stretch as they would
/// a standard deviation. Null, with <see cref="Reason"/>, while the baseline is thinner than the workspace asks for.
/// </summary>
public sealed record Score(double? Percentile, double? RobustZ, string Metric, string? Age, int BaselinePosts, string? Reason)
{
    /// <summary>Taken at an age but without a percentile yet: the baseline there is thinner than the workspace asks for.</summary>
    public bool AwaitsBaseline() => Percentile is null && Age is not null;
}

public static class BaselineScore
{
    public static Score Compute(double value, string age, IReadOnlyCollection<double> baseline, int minPosts) =>
        Compute(value, age, Baseline.Of(baseline), minPosts);

    public static Score Compute(double value, string age, Baseline baseline, int minPosts)
    {
        if (baseline.Count < minPosts)
            return new Score(null, null, DerivedMetrics.Engagement, age, baseline.Count,
                $"The baseline has {baseline.Count} comparable posts at {age}; scores start at {minPosts}.");
        return new Score(Math.Round(baseline.Percentile(value), 6), baseline.RobustZ(value) is { } z ? Math.Round(z, 6) : null,
            DerivedMetrics.Engagement, age, baseline.Count, null);
    }

    public static Score Unscored(string reason) => new(null, null, DerivedMetrics.Engagement, null, 0, reason);
}
