using CreatorMeta.Analytics.Domain.Trends;

namespace CreatorMeta.Analytics.Apis;

/// <summary>
/// Attribute values against the rest on one metric. <see cref="Effects"/> lists the tested values by q-value, then the
/// ones not tested with the reason; <see cref="Method"/> says how the numbers were made.
/// </summary>
public sealed record TrendsResponse(string Metric, int Posts, int MinPosts, string Method, IReadOnlyList<AttributeEffect> Effects);
