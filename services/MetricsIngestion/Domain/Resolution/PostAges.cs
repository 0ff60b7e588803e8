namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// A value at a fixed post age: read at that moment, interpolated between two readings close to it, estimated along a
/// straight line between readings far apart, or held from the last reading before it.
/// </summary>
public sealed record AgedValue(double Value, string Kind)
{
    public const string Measured = "measured";
    public const string Interpolated = "interpolated";
    public const string Estimated = "estimated";
    public const string Extrapolated = "extrapolated";

    /// <summary>
    /// Only a value read or closely bracketed is fair to compare a post with: growth is not a straight line, so one
    /// drawn over days says little about the first hour, and a held value may be short of the truth.
    /// </summary>
    public bool IsComparable() => Kind is Measured or Interpolated;
}

public sealed record AgeAlignedValues(string Age, DateTimeOffset At, IReadOnlyDictionary<string, AgedValue> Values);

/// <summary>
/// Values at the same post ages for every post (1 h, 24 h, 7 d, 30 d), so yesterday's post and last month's compare
/// fairly. Each metric's series holds only the moments it was read. Counters are zero when the post goes out, so a value
/// before the first reading is drawn from that zero; a value between readings that lie within half and twice the age is
/// interpolated, one between readings further apart is only estimated; after the last reading the value is held and
/// marked extrapolated (it can only have grown since).
/// </summary>
public static class PostAges
{
    public static readonly IReadOnlyList<(string Name, TimeSpan Age)> Standard =
        [("1h", TimeSpan.FromHours(1)), ("24h", TimeSpan.FromHours(24)), ("7d", TimeSpan.FromDays(7)), ("30d", TimeSpan.FromDays(30))];

    /// <summary>The ages the post has reached by <paramref name="now"/>, each with every metric that has a value there.</summary>
    public static IReadOnlyList<AgeAlignedValues> Align(IReadOnlyList<CurvePoint> curve, DateTimeOffset publishedAt, DateTimeOffset now)
    {
        var series = Series([.. curve.Where(p => p.ObservedAt >= publishedAt)]);
        var aligned = new List<AgeAlignedValues>();
        foreach (var (name, age) in Standard)
        {
            var at = publishedAt + age;
            if (at > now)
                break;
            var values = new SortedDictionary<string, AgedValue>(StringComparer.Ordinal);
            foreach (var (metric, points) in series)
                if (At(points, publishedAt, at) is { } value)
                    values[metric] = value;
            aligned.Add(new AgeAlignedValues(name, at, values));
        }
        return aligned;
    }

    /// <summary>Each counter at the moments it was read, and engagement at the moments an interaction was.</summary>
    private static Dictionary<string, List<(DateTimeOffset At, double Value)>> Series(IReadOnlyList<CurvePoint> curve)
    {
        var series = new Dictionary<string, List<(DateTimeOffset, double)>>(StringComparer.Ordinal);
        foreach (var point in curve)
        {
            foreach (var metric in point.Read)
                Add(series, metric, point.ObservedAt, point.Values[metric]);
            if (DerivedMetrics.Interactions.Any(point.Read.Contains))
                Add(series, DerivedMetrics.Engagement, point.ObservedAt,
                    DerivedMetrics.Interactions.Where(point.Values.ContainsKey).Sum(m => point.Values[m]));
        }
        return series;
    }

    private static void Add(Dictionary<string, List<(DateTimeOffset, double)>> series, string metric, DateTimeOffset at, double value)
    {
        if (!series.TryGetValue(metric, out var points))
            series[metric] = points = [];
        points.Add((at, value));
    }

    private static AgedValue? At(List<(DateTimeOffset At, double Value)> points, DateTimeOffset publishedAt, DateTimeOffset at)
    {
        var next = points.FindIndex(p => p.At >= at);
        if (next < 0)
            return new AgedValue(points[^1].Value, AgedValue.Extrapolated);
        if (points[next].At == at)
            return new AgedValue(points[next].Value, AgedValue.Measured);
        var (fromAt, fromValue) = next == 0 ? (publishedAt, 0d) : points[next - 1];
        var (toAt, toValue) = points[next];
        var share = (at - fromAt) / (toAt - fromAt);
        var age = at - publishedAt;
        var close = toAt - publishedAt <= 2 * age && (next == 0 || fromAt - publishedAt >= age / 2);
        return new AgedValue(fromValue + share * (toValue - fromValue), close ? AgedValue.Interpolated : AgedValue.Estimated);
    }
}
