using CreatorMeta.Contracts.Metrics;

namespace CreatorMeta.Tracking.Domain;

/// <summary>The latest numbers metrics-ingestion resolved for one publication: tracking's copy, for repurposing and tombstones.</summary>
public sealed class PublicationPerformance
{
    private PublicationPerformance() { }

    public Guid PublicationId { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public Dictionary<string, double> Metrics { get; private set; } = [];
    public double? EngagementRate { get; private set; }
    public double? Score { get; private set; }
    public DateTimeOffset ObservedAt { get; private set; }
    public long Revision { get; private set; }

    public static PublicationPerformance Start(Guid publicationId, string workspaceId) =>
        new() { PublicationId = publicationId, WorkspaceId = workspaceId, ObservedAt = DateTimeOffset.MinValue };

    /// <summary>Takes newer numbers only (<see cref="MetricsUpdatedOrder"/>): events can arrive out of order.</summary>
    public bool Update(IReadOnlyDictionary<string, double> metrics, double? engagementRate, double? score, DateTimeOffset observedAt,
        long revision = 0)
    {
        if (!MetricsUpdatedOrder.Supersedes(revision, observedAt, Revision, ObservedAt))
            return false;
        Metrics = new Dictionary<string, double>(metrics);
        EngagementRate = engagementRate;
        Score = score;
        ObservedAt = observedAt;
        Revision = revision;
        return true;
    }
}
