using CreatorMeta.Hashtags.Domain.Performance;
using CreatorMeta.ServiceDefaults.Statistics;

namespace CreatorMeta.Hashtags.Domain.Trends;

/// <summary>A sudden shift in how a tag does: from when, how it did before and after, by how much, and how surely.</summary>
public sealed record RapidChange(string Kind, DateTimeOffset At, int PostsBefore, int PostsAfter, double Before, double After, double By, double P, double? Q);

/// <summary>
/// A tag on a platform in the creator's own posts: uses and how its posts did against the same account's posts without it
/// in the latest window and the one before, the change with its interval, whether it is rising, falling or steady, and a rapid
/// change in its history if there is one.
/// </summary>
public sealed record TagTrend(string Tag, string Platform, int UsesNow, int UsesBefore, double? MeanNow, double? MeanBefore, Comparison? Change,
    string Direction, RapidChange? RapidChange);

/// <summary>
/// Rising and falling tags from the creator's own evidence. Each post with a tag is read against the same account's posts
/// without it published within a window either side, so neither a stronger account nor a good month for everyone makes
/// a tag "rise". (A tag that mostly appears beside another is read against posts without it, which may still carry the
/// other; the performance route's effect is the one that holds everything else equal.) The latest window
/// [asOf − window, asOf) is compared with the one before it by Welch's test: rising or falling when the 95 % interval of
/// the change excludes zero and its Benjamini–Hochberg q over all tags is 5 % or less, steady otherwise. Rapid changes
/// are found over each tag's whole history: the split of its posts into before and after (at least
/// <see cref="MinSegment"/> on each side) whose means differ most by Welch's t, its p multiplied by the splits tried
/// (Bonferroni), and kept when the q of that over all tags is under 1 %.
/// </summary>
public static class TagTrends
{
    public const int MinSegment = 5;
    public const double RapidChangeLevel = 0.01;

    /// <param name="rapidChanges">Whether to search each tag's history for a rapid change (recommendations need only the direction).</param>
    public static IReadOnlyList<TagTrend> Of(IReadOnlyList<PerformanceRow> rows, DateTimeOffset asOf, TimeSpan window, bool rapidChanges = true)
    {
        rows = [.. rows.Where(r => r.PublishedAt < asOf)];
        var accounts = rows.GroupBy(r => (r.Platform, r.Account)).ToDictionary(g => g.Key, g => Timeline.Of(g));
        var found = new List<(string Tag, string Platform, int UsesNow, int UsesBefore, List<double> Now, List<double> Before, Comparison? Change, RapidChange? Rapid)>();
        foreach (var group in rows.SelectMany(r => r.Tags.Select(t => (Tag: t, Row: r))).GroupBy(x => (x.Tag, x.Row.Platform)))
        {
            var tagged = group.GroupBy(x => x.Row.Account).ToDictionary(g => g.Key, g => Timeline.Of(g.Select(x => x.Row)));
            var history = group.Select(x => x.Row)
                .Select(r => (r.PublishedAt, Residual: accounts[(r.Platform, r.Account)].MeanWithout(tagged[r.Account], r.PublishedAt, window, r.Value)))
                .Where(x => x.Residual is not null).Select(x => (x.PublishedAt, Residual: x.Residual!.Value)).OrderBy(x => x.PublishedAt).ToList();
            var now = history.Where(x => x.PublishedAt >= asOf - window).Select(x => x.Residual).ToList();
            var before = history.Where(x => x.PublishedAt >= asOf - 2 * window && x.PublishedAt < asOf - window).Select(x => x.Residual).ToList();
            found.Add((group.Key.Tag, group.Key.Platform, group.Count(x => x.Row.PublishedAt >= asOf - window),
                group.Count(x => x.Row.PublishedAt >= asOf - 2 * window && x.Row.PublishedAt < asOf - window), now, before,
                Welch.Compare(Moments(now), Moments(before)),
                rapidChanges ? Rapid([.. history.Select(x => x.Residual)], [.. history.Select(x => x.PublishedAt)]) : null));
        }
        var changeQ = QValuesOf([.. found.Select(f => f.Change?.P)]);
        var rapidQ = QValuesOf([.. found.Select(f => f.Rapid?.P)]);
        var trends = found.Select((f, i) => new TagTrend(f.Tag, f.Platform, f.UsesNow, f.UsesBefore, f.Now.Count > 0 ? f.Now.Average() : null,
            f.Before.Count > 0 ? f.Before.Average() : null, f.Change,
            f.Change is null ? "not enough data" : changeQ[i] <= 0.05 && f.Change.Low > 0 ? "rising" : changeQ[i] <= 0.05 && f.Change.High < 0 ? "falling" : "steady",
            rapidQ[i] < RapidChangeLevel ? f.Rapid! with { Q = rapidQ[i]!.Value } : null));
        return [.. trends.OrderBy(t => t.RapidChange is null).ThenBy(t => t.Direction is "rising" or "falling" ? 0 : 1)
            .ThenByDescending(t => Math.Abs(t.Change?.Lift ?? 0)).ThenByDescending(t => t.UsesNow).ThenBy(t => t.Tag, StringComparer.Ordinal)];
    }

    /// <summary>Benjamini–Hochberg over the p-values there are; null where there is none.</summary>
    private static double?[] QValuesOf(IReadOnlyList<double?> p)
    {
        var tested = p.Select((value, i) => (value, i)).Where(x => x.value is not null).ToList();
        var q = FalseDiscovery.QValues([.. tested.Select(x => x.value!.Value)]);
        var all = new double?[p.Count];
        for (var k = 0; k < tested.Count; k++)
            all[tested[k].i] = q[k];
        return all;
    }

    /// <summary>An account's posts (or a tag's posts on it) in time order, with running sums to total any span of time at once.</summary>
    private sealed class Timeline(DateTimeOffset[] times, double[] sums)
    {
        public static Timeline Of(IEnumerable<PerformanceRow> rows)
        {
            var ordered = rows.OrderBy(r => r.PublishedAt).ToArray();
            var sums = new double[ordered.Length + 1];
            for (var i = 0; i < ordered.Length; i++)
                sums[i + 1] = sums[i] + ordered[i].Value;
            return new Timeline([.. ordered.Select(r => r.PublishedAt)], sums);
        }

        /// <summary>The value less the mean of this account's posts without the tag within <paramref name="window"/> of it; null with none to compare.</summary>
        public double? MeanWithout(Timeline tagged, DateTimeOffset at, TimeSpan window, double value)
        {
            var (count, sum) = Span(at - window, at + window);
            var (taggedCount, taggedSum) = tagged.Span(at - window, at + window);
            return count > taggedCount ? value - (sum - taggedSum) / (count - taggedCount) : null;
        }

        private (int Count, double Sum) Span(DateTimeOffset from, DateTimeOffset to)
        {
            var (start, end) = (Index(from, inclusive: true), Index(to, inclusive: false));
            return (end - start, sums[end] - sums[start]);
        }

        // The first post at or after (inclusive) or after (exclusive) the time.
        private int Index(DateTimeOffset at, bool inclusive)
        {
            var (low, high) = (0, times.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (inclusive ? times[middle] < at : times[middle] <= at)
                    low = middle + 1;
                else
                    high = middle;
            }
            return low;
        }
    }

    /// <summary>The most marked split of a history (values in time order) into before and after, its p multiplied by the splits tried.</summary>
    public static RapidChange? Rapid(double[] values, DateTimeOffset[] times)
    {
        var n = values.Length;
        if (n < 2 * MinSegment)
            return null;
        var (sum, squares) = (new double[n + 1], new double[n + 1]);
        for (var i = 0; i < n; i++)
            (sum[i + 1], squares[i + 1]) = (sum[i] + values[i], squares[i] + values[i] * values[i]);
        // Ranked by Welch's t, which needs no distribution; the test itself is made once, for the split that wins.
        var (split, strongest, tried) = (0, 0.0, 0);
        for (var k = MinSegment; k <= n - MinSegment; k++)
        {
            // Splits only between posts at different times: a change happens between two moments.
            if (times[k] == times[k - 1])
                continue;
            tried++;
            var (before, after) = (Moment(0, k, sum, squares), Moment(k, n, sum, squares));
            var error = Math.Sqrt(before.Variance / before.N + after.Variance / after.N);
            var t = error > 0 ? Math.Abs(after.Mean - before.Mean) / error : 0;
            if (t > strongest)
                (split, strongest) = (k, t);
        }
        if (split == 0 || Welch.Compare(Moment(split, n, sum, squares), Moment(0, split, sum, squares)) is not { } best)
            return null;
        return new RapidChange(best.Lift > 0 ? "jump" : "collapse", times[split], split, n - split, best.RestMean, best.Mean, best.Lift,
            Math.Min(1, best.P * tried), null);
    }

    private static Moments Moments(List<double> values)
    {
        if (values.Count == 0)
            return new(0, 0, 0);
        var mean = values.Average();
        return new(values.Count, mean, values.Count > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1) : 0);
    }

    private static Moments Moment(int from, int to, double[] sum, double[] squares)
    {
        var n = to - from;
        var mean = (sum[to] - sum[from]) / n;
        var variance = Math.Max(0, (squares[to] - squares[from] - n * mean * mean) / (n - 1));
        return new(n, mean, variance);
    }
}
