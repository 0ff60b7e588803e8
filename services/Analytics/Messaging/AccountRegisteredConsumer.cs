using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Messaging;

/// <summary>
/// Remembers the zone each account posts in; publications on accounts without one are read in UTC. One statement, so a
/// second word on the same account (should tracking ever send one) replaces the first instead of racing it.
/// </summary>
public sealed class AccountRegisteredConsumer(AnalyticsDb db) : IConsumer<AccountRegistered>
{
    public Task Consume(ConsumeContext<AccountRegistered> context)
    {
        var m = context.Message;
        var (platform, account) = (MessageFields.Required(Platforms.Normalize(m.Platform), "platform", m.Platform),
            MessageFields.Required(AccountHandles.Normalize(m.Handle), "account", m.Handle));
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AccountRegisteredConsumer), () => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO account_zones (workspace_id, platform, account, time_zone) VALUES ({m.WorkspaceId}, {platform}, {account}, {m.TimeZone})
            ON CONFLICT (workspace_id, platform, account) DO UPDATE SET time_zone = EXCLUDED.time_zone
            """, context.CancellationToken), context.CancellationToken);
    }
}
