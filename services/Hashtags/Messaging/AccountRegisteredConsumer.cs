using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Hashtags.Messaging;

/// <summary>Remembers the zone each account posts in, so a post's time of day is its audience's.</summary>
public sealed class AccountRegisteredConsumer(HashtagsDb db) : IConsumer<AccountRegistered>
{
    public Task Consume(ConsumeContext<AccountRegistered> context)
    {
        var m = context.Message;
        var (platform, account) = (Sent.Platform(m.Platform), Sent.Account(m.Handle));
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AccountRegisteredConsumer), () => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO account_zones (workspace_id, platform, account, time_zone) VALUES ({m.WorkspaceId}, {platform}, {account}, {m.TimeZone})
            ON CONFLICT (workspace_id, platform, account) DO UPDATE SET time_zone = EXCLUDED.time_zone
            """, context.CancellationToken), context.CancellationToken);
    }
}
