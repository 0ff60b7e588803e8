using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Analytics.Messaging;

public sealed class PublicationRecordedConsumer(AnalyticsDb db) : IConsumer<PublicationRecorded>
{
    public async Task Consume(ConsumeContext<PublicationRecorded> context)
    {
        var recorded = context.Message;
        await db.ApplyOnceAsync(recorded.EventId.ToString(), nameof(PublicationRecordedConsumer), async () =>
        {
            // An edit or removal that arrived first has made the fact already; it keeps what they said.
            var fact = await db.LockFactAsync(recorded.PublicationId, recorded.WorkspaceId, recorded.AssetId, recorded.Platform,
                recorded.Account, context.CancellationToken);
            fact.Record(recorded.PublishedAt, recorded.ExternalPostId, recorded.Hashtags.Count, recorded.Caption, recorded.RepurposeReason is not null);
        }, context.CancellationToken);
    }
}
