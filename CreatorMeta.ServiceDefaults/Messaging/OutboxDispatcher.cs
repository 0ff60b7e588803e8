using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows to the broker with publisher confirms, marking each dispatched only after the
/// broker took it. A broker outage leaves rows in place to be retried; a crash between publish and mark republishes
/// with the same message id, which consumers' inboxes drop.
/// </summary>
public sealed class OutboxDispatcher<TDb>(IServiceScopeFactory scopes, IBus bus, TimeProvider clock, ILogger<OutboxDispatcher<TDb>> logger)
    : BackgroundService where TDb : DbContext
{
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Outbox dispatch failed; retrying");
            }
            if (published == 0)
                await Task.Delay(IdleDelay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<int> DispatchBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(stoppingToken);
        // SKIP LOCKED lets several instances of a service share one outbox without publishing a row twice.
        var batch = await db.Set<OutboxMessage>()
            .FromSqlRaw("""
                SELECT * FROM outbox_messages
                WHERE dispatched_at IS NULL AND next_attempt_at <= now()
                ORDER BY occurred_at, id LIMIT 100 FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(stoppingToken);
        var published = 0;
        foreach (var message in batch)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(PublishTimeout);
                var body = message.Deserialize(out var type);
                await bus.Publish(body, type, context => context.MessageId = message.Id, timeout.Token);
                message.MarkDispatched(clock.GetUtcNow());
                published++;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                message.RecordFailure(e.Message, clock.GetUtcNow());
                logger.LogWarning("Outbox message {MessageId} not published (attempt {Attempt}): {Error}", message.Id, message.Attempts, e.Message);
                break; // the broker is likely down: keep the rest in order for the next round
            }
        }
        await db.SaveChangesAsync(stoppingToken);
        await transaction.CommitAsync(stoppingToken);
        return published;
    }
}
