using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Messaging;

/// <summary>Remembers the zone each account posts in; publications on accounts without one are read in UTC.</summary>
public sealed class AccountRegisteredConsumer(AnalyticsDb db) : IConsumer<AccountRegistered>
{
    public Task Consume(ConsumeContext<AccountRegistered> context)
    {
        var m = context.Message;
        var (platform, account) = (Platforms.Normalize(m.Platform) ?? m.Platform, AccountHandles.Normalize(m.Handle) ?? m.Handle);
        return db.ApplyOnceAsync(m.EventId.ToString(), nameof(AccountRegisteredConsumer), async () =>
        {
            // Tracking keeps one registration per account, so a second event for it is a redelivery the inbox has dropped.
            if (!await db.AccountZones.AnyAsync(z => z.WorkspaceId == m.WorkspaceId && z.Platform == platform && z.Account == account,
                    context.CancellationToken))
                db.AccountZones.Add(AccountZone.For(m.WorkspaceId, platform, account, m.TimeZone));
        }, context.CancellationToken);
    }
}
