using CreatorMeta.ServiceDefaults.Statistics;

namespace CreatorMeta.Hashtags.Domain.Performance;

/// <summary>A live post with its value, as the tag statistics read it: where, when (its audience's time of day), what format, which canonical tags.</summary>
public sealed record PerformanceRow(Guid PublicationId, Guid AssetId, string Platform, string Account, DateTimeOffset PublishedAt, string Format,
    string? TimeZone, string Daypart, double Value, IReadOnlyList<string> Tags);

/// <summary>
/// One canonical tag on one platform: its uses, their mean value, the lift against the same account's posts without it,
/// the effect with account, format and time of day held equal (the honest number), its q-value over every tag and
/// platform tested, or why there is not enough data to say.
/// </summary>
public sealed record TagPerformance(string Tag, string Platform, int Uses, double MeanValue, Effect? Lift, Effect? Effect, double? Q, string? NotEnoughData);

/// <summary>
/// Every tag's effectiveness per platform. Posts weigh by recency — half as much every <c>halfLifeDays</c> before the
/// newest post analysed — so what worked last year counts less than what works now; 0 weighs all alike. A tag is
/// compared only within its platform (each platform's posts are analysed apart), so a tag that looks good only because
/// it is used where scores run high is not credited.
/// </summary>
public static class TagAnalysis
{
    public static IReadOnlyList<TagPerformance> Analyse(IReadOnlyList<PerformanceRow> rows, int minUses, double halfLifeDays)
    {
        var newest = Newest(rows);
        var results = new List<TagPerformance>();
        foreach (var platform in rows.GroupBy(r => r.Platform).OrderBy(g => g.Key, StringComparer.Ordinal))
            results.AddRange(OnPlatform(platform.Key, [.. platform], minUses, halfLifeDays, newest));
        var tested = results.Select((r, i) => (r, i)).Where(x => x.r.Effect is not null).ToList();
        var q = FalseDiscovery.QValues([.. tested.Select(x => x.r.Effect!.P)]);
        for (var k = 0; k < tested.Count; k++)
            results[tested[k].i] = tested[k].r with { Q = q[k] };
        return [.. results.Where(r => r.Q is not null).OrderBy(r => r.Q).ThenBy(r => r.Effect!.P).ThenBy(r => r.Tag, StringComparer.Ordinal),
            .. results.Where(r => r.Q is null).OrderByDescending(r => r.Uses).ThenBy(r => r.Tag, StringComparer.Ordinal)];
    }

    /// <summary>The time recency weights count back from: the newest post analysed.</summary>
    public static DateTimeOffset Newest(IReadOnlyList<PerformanceRow> rows) => rows.Count > 0 ? rows.Max(r => r.PublishedAt) : DateTimeOffset.MinValue;

    /// <summary>
    /// The weight of a post published at <paramref name="at"/>: 1 for the newest, ½ one half-life before it, and never
    /// below 1e-12 — a post a thousand half-lives old weighs next to nothing, but not zero, which would leave its group
    /// without any weight to compare within.
    /// </summary>
    public static double Weight(DateTimeOffset at, DateTimeOffset newest, double halfLifeDays) =>
        halfLifeDays <= 0 ? 1 : Math.Max(1e-12, Math.Pow(0.5, (newest - at).TotalDays / halfLifeDays));

    private static IEnumerable<TagPerformance> OnPlatform(string platform, List<PerformanceRow> rows, int minUses, double halfLifeDays, DateTimeOffset newest)
    {
        var (accounts, strata, assets) = (new Codes(), new Codes(), new Codes());
        var n = rows.Count;
        var (account, stratum, asset) = (new int[n], new int[n], new int[n]);
        var (value, weight) = (new double[n], new double[n]);
        var postsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            account[i] = accounts.Of(row.Account);
            stratum[i] = strata.Of($"{row.Account}\n{row.Format}\n{row.Daypart}");
            asset[i] = assets.Of(row.AssetId.ToString());
            (value[i], weight[i]) = (row.Value, Weight(row.PublishedAt, newest, halfLifeDays));
            foreach (var tag in row.Tags)
                (postsOf.TryGetValue(tag, out var posts) ? posts : postsOf[tag] = []).Add(i);
        }
        var withinAccounts = new WithinGroups(account, accounts.Count, asset, assets.Count, value, weight);
        var withinStrata = new WithinGroups(stratum, strata.Count, asset, assets.Count, value, weight);
        foreach (var (tag, posts) in postsOf)
        {
            var mean = posts.Average(i => value[i]);
            if (posts.Count < minUses)
            {
                yield return new TagPerformance(tag, platform, posts.Count, mean, null, null, null, $"Not enough data: {posts.Count} uses, fewer than {minUses}.");
                continue;
            }
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(posts);
            var (lift, effect) = (withinAccounts.Estimate(span), withinStrata.Estimate(span));
            yield return new TagPerformance(tag, platform, posts.Count, mean, lift, effect, null, effect is null
                ? "Not enough data: no account, format and time of day has posts both with and without the tag." : null);
        }
    }

    private sealed class Codes
    {
        private readonly Dictionary<string, int> codes = new(StringComparer.Ordinal);
        public int Count => codes.Count;
        public int Of(string key) => codes.TryGetValue(key, out var code) ? code : codes[key] = codes.Count;
    }
}
