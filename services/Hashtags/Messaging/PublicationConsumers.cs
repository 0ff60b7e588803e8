using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Hashtags.Messaging;

public sealed class PublicationRecordedConsumer(HashtagsDb db) : IConsumer<PublicationRecorded>
{
    public Task Consume(ConsumeContext<PublicationRecorded> context)
    {
        var m = context.Message;
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(PublicationRecordedConsumer), async () =>
            (await db.LockPostAsync(m.PublicationId, m.WorkspaceId, m.AssetId, Sent.Platform(m.Platform), Sent.Account(m.Account), context.CancellationToken))
                .Record(m.PublishedAt, m.ExternalPostId, m.Hashtags, m.Caption),
            context.CancellationToken);
    }
}

public sealed class PublicationEditedConsumer(HashtagsDb db) : IConsumer<PublicationEdited>
{
    public Task Consume(ConsumeContext<PublicationEdited> context)
    {
        var m = context.Message;
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(PublicationEditedConsumer), async () =>
            (await db.LockPostAsync(m.PublicationId, m.WorkspaceId, m.AssetId, Sent.Platform(m.Platform),
                Sent.Account(m.Account), context.CancellationToken)).Edit(m.Version, m.Hashtags, m.Caption),
            context.CancellationToken);
    }
}

public sealed class PublicationRemovedConsumer(HashtagsDb db) : IConsumer<PublicationRemoved>
{
    public Task Consume(ConsumeContext<PublicationRemoved> context)
    {
        var m = context.Message;
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(PublicationRemovedConsumer), async () =>
            (await db.LockPostAsync(m.PublicationId, m.WorkspaceId, m.AssetId, Sent.Platform(m.Platform),
                Sent.Account(m.Account), context.CancellationToken)).Remove(m.RemovedAt),
            context.CancellationToken);
    }
}
