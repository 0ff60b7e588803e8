using CreatorMeta.Contracts.Metrics;

namespace CreatorMeta.Hashtags.Domain;

/// <summary>
/// A post's latest baseline score (0–1 against the creator's own posts) and engagement rate, as metrics-ingestion last said
/// them; keyed by the platform's post id, because the numbers may come before tracking's publication id is known to metrics.
/// </summary>
public sealed class PostScore
{
    private PostScore() { }

    public string WorkspaceId { get; private set; } = "";
    public string Platform { get; private set; } = "";
    public string ExternalPostId { get; private set; } = "";
    public double? Score { get; private set; }
    public double? EngagementRate { get; private set; }
    public DateTimeOffset ObservedAt { get; private set; }
    public long Revision { get; private set; }

    public static PostScore For(string workspaceId, string platform, string externalPostId) =>
        new() { WorkspaceId = workspaceId, Platform = platform, ExternalPostId = externalPostId, ObservedAt = DateTimeOffset.MinValue };

    /// <summary>Takes the numbers unless newer ones are already known (<see cref="MetricsUpdatedOrder"/>).</summary>
    public void Update(MetricsUpdated updated)
    {
        if (!MetricsUpdatedOrder.Supersedes(updated.Revision, updated.ObservedAt, Revision, ObservedAt))
            return;
        Score = updated.Score is { } score && double.IsFinite(score) ? score : null;
        EngagementRate = updated.EngagementRate is { } rate && double.IsFinite(rate) ? rate : null;
        ObservedAt = updated.ObservedAt.ToUniversalTime();
        Revision = updated.Revision;
    }
}
