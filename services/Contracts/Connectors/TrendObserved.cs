namespace CreatorMeta.Contracts.Connectors;

/// <summary>
/// An outside trend-monitoring service saw a hashtag trend on a platform, with its own score for how strongly (on its own
/// scale: CreatorMeta compares a source's scores only with that source's). Published as plain JSON (camelCase, no
/// envelope) to the topic exchange <see cref="ConnectorExchange.Name"/> with routing key <see cref="ConnectorExchange.TrendObserved"/>,
/// or posted to <c>POST /api/v1/hashtags/signals</c>. The same source, tag and time twice is one signal.
/// </summary>
public sealed record TrendObserved(string WorkspaceId, string Platform, string Tag, double Score, DateTimeOffset ObservedAt, string Source);
