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

    public static PublicationPerformance Start(Guid publicationId, string workspaceId) =>
        new() { PublicationId = publicationId, WorkspaceId = workspaceId, ObservedAt = DateTimeOffset.MinValue };

    /// <summary>Takes newer numbers only: events can arrive out of order, and an older reading must not win.</summary>
    public bool Update(IReadOnlyDictionary<string, double> metrics, double? engagementRate, double? score, DateTimeOffset observedAt)
    {
        if (observedAt < ObservedAt)
            return false;
        Metrics = new Dictionary<string, double>(metrics);
        EngagementRate = engagementRate;
        Score = score;
        ObservedAt = observedAt;
        return true;
    }
}
