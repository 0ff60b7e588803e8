using CreatorMeta.Contracts.Tracking;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.MetricsIngestion.Messaging;

public sealed class AssetUpdatedConsumer(MetricsDb db, ResolutionSignal resolution) : IConsumer<AssetUpdated>
{
    public async Task Consume(ConsumeContext<AssetUpdated> context)
    {
        var asset = context.Message;
        if (await db.ApplyOnceAsync(asset.EventId.ToString(), nameof(AssetUpdatedConsumer),
                () => TrackingProjection.DescribeAssetAsync(db, asset.WorkspaceId, asset.AssetId, asset.Format, asset.Kind, asset.OccurredAt, context.CancellationToken),
                context.CancellationToken))
            resolution.Wake();
    }
}
