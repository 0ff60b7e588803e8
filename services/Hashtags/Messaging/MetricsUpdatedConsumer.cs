using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.Hashtags.Messaging;

/// <summary>Keeps each post's latest score; it joins its publication by platform and post id.</summary>
public sealed class MetricsUpdatedConsumer(HashtagsDb db) : IConsumer<MetricsUpdated>
{
    public Task Consume(ConsumeContext<MetricsUpdated> context)
    {
        var m = context.Message;
        if (string.IsNullOrWhiteSpace(m.ExternalPostId))
            throw new UnprocessableMessageException("MetricsUpdated without a post id cannot be joined to a publication.");
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(MetricsUpdatedConsumer), async () =>
            (await db.LockScoreAsync(m.WorkspaceId, Sent.Platform(m.Platform), m.ExternalPostId.Trim(), context.CancellationToken))
                .Update(m),
            context.CancellationToken);
    }
}
