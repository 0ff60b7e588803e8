using CreatorMeta.Analytics.Domain;
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
        await db.ApplyOnceAsync(recorded.EventId.ToString(), nameof(PublicationRecordedConsumer), () =>
        {
            db.Publications.Add(PublicationFact.Project(recorded.PublicationId, recorded.WorkspaceId, recorded.AssetId,
                recorded.Platform, recorded.Account, recorded.PublishedAt, recorded.Hashtags.Count, recorded.RepurposeReason is not null));
            return Task.CompletedTask;
        }, context.CancellationToken);
    }
}
