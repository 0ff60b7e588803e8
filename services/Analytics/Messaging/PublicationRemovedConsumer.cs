using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Analytics.Messaging;

public sealed class PublicationRemovedConsumer(AnalyticsDb db) : IConsumer<PublicationRemoved>
{
    public async Task Consume(ConsumeContext<PublicationRemoved> context)
    {
        var removed = context.Message;
        await db.ApplyOnceAsync(removed.EventId.ToString(), nameof(PublicationRemovedConsumer), async () =>
        {
            var fact = await db.LockFactAsync(removed.PublicationId, removed.WorkspaceId, removed.AssetId, removed.Platform,
                removed.Account, context.CancellationToken);
            fact.Remove(removed.RemovedAt);
        }, context.CancellationToken);
    }
}
