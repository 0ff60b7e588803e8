using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Connectors;
using CreatorMeta.MetricsIngestion.Domain;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Workspaces;
using MassTransit;

namespace CreatorMeta.MetricsIngestion.Messaging;

/// <summary>Takes connectors' raw JSON observations; idempotent on the source's own event id.</summary>
public sealed class EngagementObservedConsumer(ObservationBatcher store, MappingStore mappings, TimeProvider clock,
    ILogger<EngagementObservedConsumer> logger)
    : IConsumer<EngagementObserved>
{
    public async Task Consume(ConsumeContext<EngagementObserved> context)
    {
        var m = context.Message;
        var errors = Observation.Validate(m.Platform, m.Account, m.ExternalPostId, m.ObservedAt == default ? null : m.ObservedAt,
            m.Source, m.SourceEventId, m.Metrics, clock.GetUtcNow());
        if (!WorkspaceId.IsValid(m.WorkspaceId))
            errors["workspaceId"] = ["workspaceId is required."];
        if (errors.Count > 0)
            throw new InvalidObservationException(string.Join(" ", errors.SelectMany(e => e.Value)));
        var observation = Observation.Create(m.WorkspaceId, m.Platform, m.Account, m.ExternalPostId, m.ObservedAt, m.Source, m.SourceEventId, m.Metrics);
        var set = await mappings.ForIngestionAsync(observation.WorkspaceId, context.CancellationToken);
        if (Observation.CountProblems(observation.Metrics, set, observation.Platform, observation.ObservedAt) is { Count: > 0 } notCounts)
            throw new InvalidObservationException(string.Join(" ", notCounts.SelectMany(e => e.Value)));
        var outcome = await store.StoreAsync(observation, context.CancellationToken);
        if (outcome == StoreOutcome.BeforePublication)
            throw new InvalidObservationException("observedAt is before the post was published: it cannot be a reading of this post.");
        if (outcome == StoreOutcome.Duplicate)
            logger.LogDebug("Observation {Source}/{SourceEventId} was already stored", m.Source, m.SourceEventId);
    }
}
