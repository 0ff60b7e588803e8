namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>A value at a fixed post age: read at that moment, interpolated between two readings, or held from the last one.</summary>
public sealed record AgedValue(double Value, string Kind)
{
    public const string Measured = "measured";
    public const string Interpolated = "interpolated";
    public const string Extrapolated = "extrapolated";

    /// <summary>Only values that stand between readings are fair to compare a post with; a held value may be short of the truth.</summary>
    public bool IsComparable() => Kind != Extrapolated;
}

public sealed record AgeAlignedValues(string Age, DateTimeOffset At, IReadOnlyDictionary<string, AgedValue> Values);

/// <summary>
/// Values at the same post ages for every post (1 h, 24 h, 7 d, 30 d), so yesterday's post and last month's compare
/// fairly. Counters are zero when the post goes out, so a value before the first reading is interpolated from that zero;
/// after the last reading the value is held and marked extrapolated (it can only have grown since).
/// </summary>
public static class PostAges
{
    public static readonly IReadOnlyList<(string Name, TimeSpan Age)> Standard =
        [("1h", TimeSpan.FromHours(1)), ("24h", TimeSpan.FromHours(24)), ("7d", TimeSpan.FromDays(7)), ("30d", TimeSpan.FromDays(30))];

    /// <summary>The ages the post has reached by <paramref name="now"/>, each with every metric that has a value there.</summary>
    public static IReadOnlyList<AgeAlignedValues> Align(IReadOnlyList<CurvePoint> curve, DateTimeOffset publishedAt, DateTimeOffset now)
    {
        var series = Series(curve.Where(p => p.ObservedAt >= publishedAt).ToList());
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

    /// <summary>Each counter's readings in time order, and engagement as it stood at each of them.</summary>
    private static Dictionary<string, List<(DateTimeOffset At, double Value)>> Series(IReadOnlyList<CurvePoint> curve)
    {
        var series = new Dictionary<string, List<(DateTimeOffset, double)>>(StringComparer.Ordinal);
        foreach (var point in curve)
        {
            foreach (var (metric, value) in point.Values)
                Add(series, metric, point.ObservedAt, value);
            var interactions = DerivedMetrics.Interactions.Where(point.Values.ContainsKey).ToList();
            if (interactions.Count > 0)
                Add(series, DerivedMetrics.Engagement, point.ObservedAt, interactions.Sum(m => point.Values[m]));
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
            return points.Count == 0 ? null : new AgedValue(points[^1].Value, AgedValue.Extrapolated);
        if (points[next].At == at)
            return new AgedValue(points[next].Value, AgedValue.Measured);
        var (fromAt, fromValue) = next == 0 ? (publishedAt, 0d) : points[next - 1];
        var (toAt, toValue) = points[next];
        var share = (at - fromAt) / (toAt - fromAt);
        return new AgedValue(fromValue + share * (toValue - fromValue), AgedValue.Interpolated);
    }
}
