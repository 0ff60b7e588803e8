namespace CreatorMeta.Contracts.Metrics;

/// <summary>
/// A publication's resolved canonical metrics changed. <see cref="Metrics"/> uses the canonical names (views, likes,
/// comments, shares, saves, reach, impressions, clicks, watchTimeSeconds); <see cref="Score"/> places the post against
/// its own baseline (same platform, account and format) as a percentile from 0 to 1, null while the baseline is too thin.
/// The publication is named by tracking's id when known, and always by platform and external post id. <see cref="Revision"/>
/// counts the post's events from 1, so a consumer keeps the highest whatever order they arrive in, also when the observation
/// time did not move (a score that changed as the baseline grew); 0 from senders that did not count them.
/// </summary>
public sealed record MetricsUpdated(
    Guid EventId,
    string WorkspaceId,
    DateTimeOffset OccurredAt,
    Guid? PublicationId,
    string Platform,
    string Account,
    string ExternalPostId,
    DateTimeOffset ObservedAt,
    IReadOnlyDictionary<string, double> Metrics,
    double? EngagementRate,
    string? EngagementRateDefinition,
    double? Score,
    long Revision = 0);
