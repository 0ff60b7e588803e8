using CreatorMeta.Contracts.Tracking;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.MetricsIngestion.Messaging;

public sealed class PublicationRecordedConsumer(MetricsDb db, ResolutionSignal resolution) : IConsumer<PublicationRecorded>
{
    public async Task Consume(ConsumeContext<PublicationRecorded> context)
    {
        if (await db.ApplyOnceAsync(context.Message.EventId.ToString(), nameof(PublicationRecordedConsumer),
                () => TrackingProjection.RecordAsync(db, context.Message, context.CancellationToken), context.CancellationToken))
            resolution.Wake();
    }
}
