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
    public static IReadOnlyList<TagTrend> Of(IReadOnlyList<PerformanceRow> rows, DateTimeOffset asOf, TimeSpan window, bool rapidChanges = true) =>
        Of(PlatformPosts.Of(rows), asOf, window, rapidChanges);

    /// <inheritdoc cref="Of(IReadOnlyList{PerformanceRow}, DateTimeOffset, TimeSpan, bool)"/>
    public static IReadOnlyList<TagTrend> Of(IReadOnlyList<PlatformPosts> platforms, DateTimeOffset asOf, TimeSpan window, bool rapidChanges = true)
    {
        var found = platforms.SelectMany(p => OnPlatform(p, asOf, window, rapidChanges)).ToList();
        var changeQ = QValuesOf([.. found.Select(f => f.Change?.P)]);
        var rapidQ = QValuesOf([.. found.Select(f => f.Rapid?.P)]);
        var trends = found.Select((f, i) => new TagTrend(f.Tag, f.Platform, f.UsesNow, f.UsesBefore, f.Now.Count > 0 ? f.Now.Average() : null,
            f.Before.Count > 0 ? f.Before.Average() : null, f.Change,
            f.Change is null ? "not enough data" : changeQ[i] <= 0.05 && f.Change.Low > 0 ? "rising" : changeQ[i] <= 0.05 && f.Change.High < 0 ? "falling" : "steady",
            rapidQ[i] < RapidChangeLevel ? f.Rapid! with { Q = rapidQ[i]!.Value } : null));
        return [.. trends.OrderBy(t => t.RapidChange is null).ThenBy(t => t.Direction is "rising" or "falling" ? 0 : 1)
            .ThenByDescending(t => Math.Abs(t.Change?.Lift ?? 0)).ThenByDescending(t => t.UsesNow).ThenBy(t => t.Tag, StringComparer.Ordinal)
            .ThenBy(t => t.Platform, StringComparer.Ordinal)];
    }

    private sealed record Found(string Tag, string Platform, int UsesNow, int UsesBefore, List<double> Now, List<double> Before, Comparison? Change,
        RapidChange? Rapid);

    /// <summary>
    /// One platform's tags. Each post before <paramref name="asOf"/> is compared with its account's posts within the
    /// window either side of it, less the tag's own: the account's window is summed once per post, the tag's once per tag
    /// and account, both by sliding over posts in time order, so a platform costs its posts and their tags once.
    /// </summary>
    private static IEnumerable<Found> OnPlatform(PlatformPosts posts, DateTimeOffset asOf, TimeSpan window, bool rapidChanges)
    {
        var n = LowerBound(posts.PublishedAt, asOf);
        var byAccount = Enumerable.Range(0, posts.Accounts).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < n; i++)
            byAccount[posts.Account[i]].Add(i);
        var (accountCount, accountSum) = (new int[n], new double[n]);
        foreach (var account in byAccount)
            Slide(account, posts, window, accountCount, accountSum);

        var (taggedCount, taggedSum) = (new int[n], new double[n]);
        var touched = new List<int>();
        foreach (var account in byAccount)
            account.Clear(); // from here on, one tag's posts on each account
        foreach (var (tag, all) in posts.Tags)
        {
            var tagged = all.AsSpan(0, LowerBound(all, n));
            if (tagged.Length == 0)
                continue;
            foreach (var i in tagged)
            {
                if (byAccount[posts.Account[i]].Count == 0)
                    touched.Add(posts.Account[i]);
                byAccount[posts.Account[i]].Add(i);
            }
            foreach (var account in touched)
            {
                Slide(byAccount[account], posts, window, taggedCount, taggedSum);
                byAccount[account].Clear();
            }
            touched.Clear();

            var history = new List<(DateTimeOffset At, double Residual)>();
            var (usesNow, usesBefore) = (0, 0);
            foreach (var i in tagged)
            {
                var at = posts.PublishedAt[i];
                usesNow += at >= asOf - window ? 1 : 0;
                usesBefore += at >= asOf - 2 * window && at < asOf - window ? 1 : 0;
                if (accountCount[i] > taggedCount[i])
                    history.Add((at, posts.Value[i] - (accountSum[i] - taggedSum[i]) / (accountCount[i] - taggedCount[i])));
            }
            var now = history.Where(x => x.At >= asOf - window).Select(x => x.Residual).ToList();
            var earlier = history.Where(x => x.At >= asOf - 2 * window && x.At < asOf - window).Select(x => x.Residual).ToList();
            yield return new Found(tag, posts.Platform, usesNow, usesBefore, now, earlier, Welch.Compare(Moments(now), Moments(earlier)),
                rapidChanges ? Rapid([.. history.Select(x => x.Residual)], [.. history.Select(x => x.At)]) : null);
        }
    }

    /// <summary>How many of the ascending <paramref name="sorted"/> come before <paramref name="value"/>.</summary>
    private static int LowerBound<T>(T[] sorted, T value) where T : IComparable<T>
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle].CompareTo(value) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    /// <summary>
    /// For each post of <paramref name="ordered"/> (indices in time order), how many of them and what sum of values lie
    /// within <paramref name="window"/> of it, both ends included.
    /// </summary>
    private static void Slide(List<int> ordered, PlatformPosts posts, TimeSpan window, int[] count, double[] sum)
    {
        var prefix = new double[ordered.Count + 1];
        for (var k = 0; k < ordered.Count; k++)
            prefix[k + 1] = prefix[k] + posts.Value[ordered[k]];
        // Differences of times, never a time ± the window, which would overflow for a post near year 1 or 9999.
        var (low, high) = (0, 0);
        foreach (var i in ordered)
        {
            var at = posts.PublishedAt[i];
            while (at - posts.PublishedAt[ordered[low]] > window)
                low++;
            while (high < ordered.Count && posts.PublishedAt[ordered[high]] - at <= window)
                high++;
            (count[i], sum[i]) = (high - low, prefix[high] - prefix[low]);
        }
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
