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
public sealed record TopContent(string Metric, int Posts, IReadOnlyList<TopPost> Top, IReadOnlyList<TopPost> Bottom);

public sealed record TopPost(Guid PublicationId, Guid AssetId, string Platform, string Account, DateTimeOffset PublishedAt, double Value, double? Score,
    double? EngagementRate, string Kind, string? Format, IReadOnlyList<string> Topics);

/// <summary>
/// Hours of the week on one platform: <see cref="Best"/> the ten with the highest estimate, <see cref="Slots"/> all 168 in
/// week order (Sunday 00:00 first, in each account's time zone); the variances are the ones the shrinkage used.
/// </summary>
public sealed record BestTimesResponse(string Platform, string? Account, int Posts, string Method, string Basis, double WithinVariance,
    double BetweenVariance, IReadOnlyList<BestTimeSlot> Best, IReadOnlyList<BestTimeSlot> Slots);
