using CreatorMeta.Contracts.Tracking;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.MetricsIngestion.Messaging;

public sealed class PublicationRemovedConsumer(MetricsDb db, ResolutionSignal resolution) : IConsumer<PublicationRemoved>
{
    public async Task Consume(ConsumeContext<PublicationRemoved> context)
    {
        if (await db.ApplyOnceAsync(context.Message.EventId.ToString(), nameof(PublicationRemovedConsumer),
                () => TrackingProjection.RemoveAsync(db, context.Message, context.CancellationToken), context.CancellationToken))
            resolution.Wake();
    }
}
