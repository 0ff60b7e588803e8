using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Hashtags.Messaging;

public sealed class AssetRegisteredConsumer(HashtagsDb db) : IConsumer<AssetRegistered>
{
    public Task Consume(ConsumeContext<AssetRegistered> context)
    {
        var m = context.Message;
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AssetRegisteredConsumer), async () =>
            (await db.LockAssetAsync(m.AssetId, m.WorkspaceId, context.CancellationToken)).Describe(m.Kind, m.Format, m.Topics, m.OccurredAt),
            context.CancellationToken);
    }
}

public sealed class AssetUpdatedConsumer(HashtagsDb db) : IConsumer<AssetUpdated>
{
    public Task Consume(ConsumeContext<AssetUpdated> context)
    {
        var m = context.Message;
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AssetUpdatedConsumer), async () =>
            (await db.LockAssetAsync(m.AssetId, m.WorkspaceId, context.CancellationToken)).Describe(m.Kind, m.Format, m.Topics, m.OccurredAt),
            context.CancellationToken);
    }
}
