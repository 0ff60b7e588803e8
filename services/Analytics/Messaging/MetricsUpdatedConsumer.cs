using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Analytics.Messaging;

/// <summary>Keeps each post's latest numbers and score; they join its publication by platform and post id.</summary>
public sealed class MetricsUpdatedConsumer(AnalyticsDb db) : IConsumer<MetricsUpdated>
{
    public Task Consume(ConsumeContext<MetricsUpdated> context)
    {
        var m = context.Message;
        if (string.IsNullOrWhiteSpace(m.ExternalPostId))
            throw new UnprocessableMessageException("MetricsUpdated without a post id cannot be joined to a publication.");
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(MetricsUpdatedConsumer), async () =>
            (await db.LockMetricAsync(m.WorkspaceId, MessageFields.Required(Platforms.Normalize(m.Platform), "platform", m.Platform), m.ExternalPostId.Trim(), context.CancellationToken))
                .Update(m),
            context.CancellationToken);
    }
}
