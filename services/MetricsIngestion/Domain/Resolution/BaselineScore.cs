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
    /// <summary>Makes a MAD a consistent estimate of the standard deviation for normal data.</summary>
    private const double MadScale = 1.4826;

    /// <summary>The same for the mean absolute deviation, used when more than half the baseline is one value (MAD 0).</summary>
    private const double MeanDeviationScale = 1.2533;

    public static Score Compute(double value, string age, IReadOnlyCollection<double> baseline, int minPosts)
    {
        if (baseline.Count < minPosts)
            return new Score(null, null, DerivedMetrics.Engagement, age, baseline.Count,
                $"The baseline has {baseline.Count} comparable posts at {age}; scores start at {minPosts}.");
        var below = baseline.Count(b => b < value);
        var equal = baseline.Count(b => b == value);
        var percentile = (below + 0.5 * equal) / baseline.Count;
        return new Score(Math.Round(percentile, 6), RobustZ(value, baseline) is { } z ? Math.Round(z, 6) : null,
            DerivedMetrics.Engagement, age, baseline.Count, null);
    }

    public static Score Unscored(string reason) => new(null, null, DerivedMetrics.Engagement, null, 0, reason);

    private static double? RobustZ(double value, IReadOnlyCollection<double> baseline)
    {
        var median = Median(baseline);
        var deviations = baseline.Select(b => Math.Abs(b - median)).ToList();
        var spread = MadScale * Median(deviations);
        if (spread == 0)
            spread = MeanDeviationScale * deviations.Average();
        return spread == 0 ? (value == median ? 0 : null) : (value - median) / spread;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
