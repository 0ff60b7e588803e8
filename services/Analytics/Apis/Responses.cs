using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.BestTimes;
using CreatorMeta.Analytics.Domain.Trends;

namespace CreatorMeta.Analytics.Apis;

/// <summary>
/// Attribute values on one metric. <see cref="Effects"/> compares each value's posts with the rest, the tested values by
/// q-value, then the ones not tested with the reason; <see cref="Model"/> gives each tested value's effect with platform,
/// account and the other attributes held equal. Each <c>Method</c> says how its numbers were made.
/// </summary>
public sealed record TrendsResponse(string Metric, int Posts, int MinPosts, string Method, IReadOnlyList<AttributeEffect> Effects, ModelResponse Model);

public sealed record ModelResponse(string Method, ModelFit Fit);

/// <summary>The posts at the top and at the bottom on one metric, out of <see cref="Posts"/> that have it.</summary>
public sealed record TopContent(string Metric, int Posts, IReadOnlyList<TopPost> Top, IReadOnlyList<TopPost> Bottom)
{
    public static TopContent From(TopPosts posts) => new(posts.Metric, posts.Count, [.. posts.Top.Select(TopPost.From)], [.. posts.Bottom.Select(TopPost.From)]);
}

public sealed record TopPost(Guid PublicationId, Guid AssetId, string Platform, string Account, DateTimeOffset PublishedAt, double Value, double? Score,
    double? EngagementRate, string Kind, string? Format, IReadOnlyList<string> Topics)
{
    public static TopPost From((AnalysisRow Row, double Value) post) => new(post.Row.PublicationId, post.Row.AssetId, post.Row.Platform,
        post.Row.Account, post.Row.PublishedAt, post.Value, post.Row.Score, post.Row.EngagementRate, post.Row.Kind, post.Row.Format, post.Row.Topics);
}

/// <summary>
/// Hours of the week on one platform: <see cref="Best"/> the ten with the highest estimate, <see cref="Slots"/> all 168 in
/// week order (Sunday 00:00 first, in each account's time zone); the variances are the ones the shrinkage used.
/// </summary>
public sealed record BestTimesResponse(string Platform, string? Account, int Posts, string Method, string Basis, double WithinVariance,
    double BetweenVariance, IReadOnlyList<BestTimeSlot> Best, IReadOnlyList<BestTimeSlot> Slots)
{
    public static BestTimesResponse From(string platform, string? account, BestTimeEstimate estimate) => new(platform, account,
        estimate.Slots.Sum(s => s.Posts), BestTimesApi.Method, estimate.Basis, estimate.WithinVariance, estimate.BetweenVariance,
        [.. estimate.Ranked().Take(10)], estimate.Slots);
}

/// <summary>
/// Publications, assets, accounts and repurposes count live posts; <c>Removed</c> counts posts taken down. First and
/// last publication dates span both: a removed post was still published then. The numbers compare platforms fairly:
/// the median baseline score (each post against the creator's own posts on its platform, so 0.5 is par everywhere)
/// and the median engagement rate with the definitions it was computed by (a rate by views and one by reach are not
/// the same number, so each platform says which it used, and for how many posts).
/// </summary>
public sealed record PlatformSummary(string Platform, int Publications, int Assets, int Accounts, int Repurposes, int Removed,
    DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt, int ScoredPosts = 0, double? MedianScore = null,
    double? MedianEngagementRate = null, IReadOnlyList<RateDefinition>? EngagementRateDefinitions = null);

public sealed record RateDefinition(string Definition, int Posts);

public sealed record PlatformComparison(IReadOnlyList<PlatformSummary> Platforms);

/// <summary>
/// Everything in one answer for the posts published in [<see cref="From"/>, <see cref="To"/>): the trends, the best times
/// of every platform with scored posts, the top and bottom posts, and the platforms compared.
/// </summary>
public sealed record AnalyticsReport(DateTimeOffset GeneratedAt, string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To,
    TrendsResponse Trends, IReadOnlyList<BestTimesResponse> BestTimes, TopContent Top, PlatformComparison Platforms);
