namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// The creator's other posts' values at one age, in order, with the median and spread a robust z-score needs: computed
/// once, so many posts can be placed against one large baseline at the cost of a binary search each.
/// </summary>
public sealed class Baseline
{
    /// <summary>Makes a MAD a consistent estimate of the standard deviation for normal data.</summary>
    private const double MadScale = 1.4826;

    /// <summary>The same for the mean absolute deviation, used when more than half the baseline is one value (MAD 0).</summary>
    private const double MeanDeviationScale = 1.2533;

    private readonly double[] _sorted;

    private Baseline(double[] sorted)
    {
        _sorted = sorted;
        if (sorted.Length == 0)
            return;
        Median = MedianOf(sorted);
        var deviations = sorted.Select(v => Math.Abs(v - Median)).Order().ToArray();
        Spread = MadScale * MedianOf(deviations);
        if (Spread == 0)
            Spread = MeanDeviationScale * deviations.Average();
    }

    public static Baseline Of(IEnumerable<double> values) => new([.. values.Order()]);

    public int Count => _sorted.Length;

    public double Median { get; }

    /// <summary>The scaled median absolute deviation, or the scaled mean absolute deviation where that is 0.</summary>
    public double Spread { get; }

    /// <summary>The share of the baseline below <paramref name="value"/>, ties counting half.</summary>
    public double Percentile(double value)
    {
        var below = FirstIndex(v => v >= value);
        var equal = FirstIndex(v => v > value) - below;
        return (below + 0.5 * equal) / Count;
    }

    /// <summary>Distance from the median in spreads; null when every value is the median and this one is not, or too far to hold.</summary>
    public double? RobustZ(double value) =>
        Spread == 0 ? (value == Median ? 0 : null) : (value - Median) / Spread is var z && double.IsFinite(z) ? z : null;

    private int FirstIndex(Func<double, bool> from)
    {
        var (low, high) = (0, _sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = from(_sorted[middle]) ? (low, middle) : (middle + 1, high);
        }
        return low;
    }

    private static double MedianOf(double[] sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
