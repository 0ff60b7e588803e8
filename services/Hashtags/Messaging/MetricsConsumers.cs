using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

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
            (await db.LockScoreAsync(m.WorkspaceId, PublicationRecordedConsumer.Platform(m.Platform), m.ExternalPostId.Trim(), context.CancellationToken))
                .Update(m),
            context.CancellationToken);
    }
}

/// <summary>Remembers the zone each account posts in, so a post's time of day is its audience's.</summary>
public sealed class AccountRegisteredConsumer(HashtagsDb db) : IConsumer<AccountRegistered>
{
    public Task Consume(ConsumeContext<AccountRegistered> context)
    {
        var m = context.Message;
        var (platform, account) = (PublicationRecordedConsumer.Platform(m.Platform), PublicationRecordedConsumer.Account(m.Handle));
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AccountRegisteredConsumer), () => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO account_zones (workspace_id, platform, account, time_zone) VALUES ({m.WorkspaceId}, {platform}, {account}, {m.TimeZone})
            ON CONFLICT (workspace_id, platform, account) DO UPDATE SET time_zone = EXCLUDED.time_zone
            """, context.CancellationToken), context.CancellationToken);
    }
}
