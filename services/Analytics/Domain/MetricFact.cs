using CreatorMeta.Contracts.Metrics;

namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// A post's latest resolved numbers and baseline score, as metrics-ingestion last said them. Keyed by the platform's post
/// id, because the numbers may come before tracking's publication id is known to metrics.
/// </summary>
public sealed class MetricFact
{
    private MetricFact() { }

    public string WorkspaceId { get; private set; } = "";
    public string Platform { get; private set; } = "";
    public string ExternalPostId { get; private set; } = "";
    public Dictionary<string, double> Metrics { get; private set; } = [];
    public double? EngagementRate { get; private set; }
    public string? EngagementRateDefinition { get; private set; }

    /// <summary>Percentile 0–1 against the creator's own baseline; null while that baseline is too thin.</summary>
    public double? Score { get; private set; }

    public DateTimeOffset ObservedAt { get; private set; }
    public long Revision { get; private set; }

    public static MetricFact For(string workspaceId, string platform, string externalPostId) =>
        new() { WorkspaceId = workspaceId, Platform = platform, ExternalPostId = externalPostId, ObservedAt = DateTimeOffset.MinValue };

    /// <summary>Takes the numbers unless newer ones are already known (<see cref="MetricsUpdatedOrder"/>); returns whether it did.</summary>
    public bool Update(MetricsUpdated updated)
    {
        if (!MetricsUpdatedOrder.Supersedes(updated.Revision, updated.ObservedAt, Revision, ObservedAt))
            return false;
        Metrics = new Dictionary<string, double>(updated.Metrics);
        EngagementRate = updated.EngagementRate;
        EngagementRateDefinition = updated.EngagementRateDefinition;
        Score = updated.Score;
        ObservedAt = updated.ObservedAt.ToUniversalTime();
        Revision = updated.Revision;
        return true;
    }
}
