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

    /// <summary>
    /// Takes newer numbers only: events can arrive out of order, and an older one must not win. Counted events are ordered by
    /// their revision (it moves when only the score did); uncounted ones, from before metrics-ingestion counted, by the time
    /// they were observed at.
    /// </summary>
    public bool Update(IReadOnlyDictionary<string, double> metrics, double? engagementRate, double? score, DateTimeOffset observedAt,
        long revision = 0)
    {
        if (revision > 0 || Revision > 0 ? revision <= Revision : observedAt < ObservedAt)
            return false;
        Metrics = new Dictionary<string, double>(metrics);
        EngagementRate = engagementRate;
        Score = score;
        ObservedAt = observedAt;
        Revision = revision;
        return true;
    }
}
