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
        return db.DescribeAssetAsync(m.EventId, nameof(AssetRegisteredConsumer), m.WorkspaceId, m.AssetId,
            new AssetDescription(m.Kind, m.Format, m.Topics, m.VisualElements, m.DurationSeconds, m.Language, m.Attributes), m.OccurredAt,
            context.CancellationToken);
    }
}

public sealed class AssetUpdatedConsumer(AnalyticsDb db) : IConsumer<AssetUpdated>
{
    public Task Consume(ConsumeContext<AssetUpdated> context)
    {
        var m = context.Message;
        return db.DescribeAssetAsync(m.EventId, nameof(AssetUpdatedConsumer), m.WorkspaceId, m.AssetId,
            new AssetDescription(m.Kind, m.Format, m.Topics, m.VisualElements, m.DurationSeconds, m.Language, m.Attributes), m.OccurredAt,
            context.CancellationToken);
    }
}

internal static class AssetDescriptions
{
    /// <summary>Applies an asset's description once per event; the newest description wins, whichever queue it came on.</summary>
    public static Task DescribeAssetAsync(this AnalyticsDb db, Guid eventId, string consumer, string workspace, Guid assetId,
        AssetDescription description, DateTimeOffset occurredAt, CancellationToken cancellationToken) =>
        db.ApplyOnceAsync(eventId.ToString(), consumer, async () =>
            (await db.LockAssetAsync(assetId, workspace, cancellationToken)).Describe(description, occurredAt), cancellationToken);
}
