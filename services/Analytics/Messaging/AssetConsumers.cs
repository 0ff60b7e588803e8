using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Analytics.Messaging;

public sealed class AssetRegisteredConsumer(AnalyticsDb db) : IConsumer<AssetRegistered>
{
    public Task Consume(ConsumeContext<AssetRegistered> context)
    {
        var m = context.Message;
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AssetRegisteredConsumer), async () =>
            (await db.LockAssetAsync(m.AssetId, m.WorkspaceId, context.CancellationToken)).Describe(
                new AssetDescription(m.Kind, m.Format, m.Topics, m.VisualElements, m.DurationSeconds, m.Language, m.Attributes), m.OccurredAt),
            context.CancellationToken);
    }
}

public sealed class AssetUpdatedConsumer(AnalyticsDb db) : IConsumer<AssetUpdated>
{
    public Task Consume(ConsumeContext<AssetUpdated> context)
    {
        var m = context.Message;
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AssetUpdatedConsumer), async () =>
            (await db.LockAssetAsync(m.AssetId, m.WorkspaceId, context.CancellationToken)).Describe(
                new AssetDescription(m.Kind, m.Format, m.Topics, m.VisualElements, m.DurationSeconds, m.Language, m.Attributes), m.OccurredAt),
            context.CancellationToken);
    }
}
