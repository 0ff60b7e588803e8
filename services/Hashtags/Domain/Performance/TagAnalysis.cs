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
    public static IReadOnlyList<TagPerformance> Analyse(IReadOnlyList<PerformanceRow> rows, int minUses, double halfLifeDays) =>
        Analyse(PlatformPosts.Of(rows), minUses, halfLifeDays);

    public static IReadOnlyList<TagPerformance> Analyse(IReadOnlyList<PlatformPosts> platforms, int minUses, double halfLifeDays)
    {
        var newest = platforms.Where(p => p.Count > 0).Select(p => p.PublishedAt.Max()).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        // Platforms are analysed apart, so side by side: their results are put back in platform order.
        var results = platforms.AsParallel().AsOrdered().SelectMany(p => OnPlatform(p, minUses, halfLifeDays, newest)).ToList();
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

    private static List<TagPerformance> OnPlatform(PlatformPosts posts, int minUses, double halfLifeDays, DateTimeOffset newest)
    {
        var weight = new double[posts.Count];
        for (var i = 0; i < weight.Length; i++)
            weight[i] = Weight(posts.PublishedAt[i], newest, halfLifeDays);
        var withinAccounts = new WithinGroups(posts.Account, posts.Accounts, posts.Asset, posts.Assets, posts.Value, weight);
        var withinStrata = new WithinGroups(posts.Stratum, posts.Strata, posts.Asset, posts.Assets, posts.Value, weight);
        var results = new List<TagPerformance>(posts.Tags.Count);
        foreach (var (tag, tagged) in posts.Tags)
        {
            var mean = 0.0;
            foreach (var i in tagged)
                mean += posts.Value[i];
            mean /= tagged.Length;
            if (tagged.Length < minUses)
            {
                results.Add(new TagPerformance(tag, posts.Platform, tagged.Length, mean, null, null, null,
                    $"Not enough data: {tagged.Length} uses, fewer than {minUses}."));
                continue;
            }
            var (lift, effect) = (withinAccounts.Estimate(tagged), withinStrata.Estimate(tagged));
            results.Add(new TagPerformance(tag, posts.Platform, tagged.Length, mean, lift, effect, null, effect is null
                ? "Not enough data: no account, format and time of day has posts both with and without the tag." : null));
        }
        return results;
    }
}
