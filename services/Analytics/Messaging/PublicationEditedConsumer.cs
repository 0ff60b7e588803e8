using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Analytics.Messaging;

public sealed class PublicationEditedConsumer(AnalyticsDb db) : IConsumer<PublicationEdited>
{
    public async Task Consume(ConsumeContext<PublicationEdited> context)
    {
        var edited = context.Message;
        await db.ApplyOnceAsync(edited.EventId.ToString(), nameof(PublicationEditedConsumer), async () =>
        {
            var fact = await db.LockFactAsync(edited.PublicationId, edited.WorkspaceId, edited.AssetId, edited.Platform,
                edited.Account, context.CancellationToken);
            fact.Edit(edited.Version, edited.Hashtags.Count, edited.Caption);
        }, context.CancellationToken);
    }
}
