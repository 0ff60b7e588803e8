namespace CreatorMeta.Contracts.Metrics;

/// <summary>
/// Which of two <see cref="MetricsUpdated"/> about one post is the newer, for consumers that keep the latest: they
/// arrive in any order. Counted events are ordered by their revision (it moves when only the score did); uncounted ones,
/// from senders that predate revisions, by the time they were observed at.
/// </summary>
public static class MetricsUpdatedOrder
{
    public static bool Supersedes(long revision, DateTimeOffset observedAt, long heldRevision, DateTimeOffset heldObservedAt) =>
        revision > 0 || heldRevision > 0 ? revision > heldRevision : observedAt >= heldObservedAt;
}
