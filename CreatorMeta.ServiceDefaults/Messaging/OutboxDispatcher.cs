using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows to the broker with publisher confirms, marking each dispatched only after the broker
/// took it. Rows are claimed under a lease, not held locked while they are published: a crash leaves the lease to run
/// out and the rows are published again with the same message id, which consumers' inboxes drop. Rows go out in order,
/// one confirm at a time, unless the service allows a window of them in flight (Messaging:PublishConcurrency) because its
/// consumers take its events in any order. A broker failure stops the round so order is kept; a row that cannot become a message is that row's problem alone, so the rows behind it go
/// on and it is parked at a bound (docs/decisions/0003-outbox-and-inbox.md).
/// </summary>
public sealed class OutboxDispatcher<TDb>(IServiceScopeFactory scopes, IBus bus, TimeProvider clock, IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcher<TDb>> logger) : BackgroundService where TDb : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private readonly MessagingOptions _options = options.Value;
    private readonly OutboxRetryPolicy _retries = options.Value.RetryPolicy();

    private enum Outcome { Published, Unpublishable, BrokerFailed, Stopped }

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
        var batch = await ClaimAsync(db, stoppingToken);
        // No publish starts that could outlast the lease (with time left to record it), so no other instance takes a row
        // while it is on its way.
        var lastStart = clock.GetUtcNow() + _options.ClaimLease - PublishTimeout - TimeSpan.FromSeconds(5);
        var published = 0;
        var handled = 0;
        DateTimeOffset? brokerRetryAt = null;
        // Publishes wait for the broker's confirm; a window of them is in flight at once when the service allows it.
        foreach (var window in batch.Chunk(_options.PublishConcurrency))
        {
            if (stoppingToken.IsCancellationRequested || clock.GetUtcNow() > lastStart)
                break;
            var outcomes = await Task.WhenAll(window.Select(message => DispatchAsync(message, stoppingToken)));
            handled += window.Length;
            published += outcomes.Count(o => o == Outcome.Published);
            foreach (var (message, outcome) in window.Zip(outcomes).Where(m => m.Second == Outcome.Stopped))
                message.Release(null);
            if (outcomes.Contains(Outcome.Stopped))
                break;
            if (Array.IndexOf(outcomes, Outcome.BrokerFailed) is var failed and >= 0)
            {
                // The broker is likely down: the rest wait with the failed row, so the next round starts with it.
                brokerRetryAt = window[failed].NextAttemptAt;
                break;
            }
        }
        foreach (var untried in batch.Skip(handled))
            untried.Release(brokerRetryAt);
        // Not the stopping token: what was published is marked even while the service shuts down.
        await db.SaveChangesAsync(CancellationToken.None);
        return published;
    }

    /// <summary>
    /// Claims the next rows in publication order in one statement that commits on its own, so no lock outlives it.
    /// SKIP LOCKED and the lease let several instances share one outbox without publishing a row twice.
    /// </summary>
    private Task<List<OutboxMessage>> ClaimAsync(TDb db, CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().FromSql($"""
            WITH claimed AS (
                UPDATE outbox_messages SET claimed_until = now() + {_options.ClaimLease}
                WHERE id IN (
                    SELECT id FROM outbox_messages
                    WHERE dispatched_at IS NULL AND parked_at IS NULL AND next_attempt_at <= now()
                      AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY occurred_at, id LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *)
            SELECT * FROM claimed ORDER BY occurred_at, id
            """).ToListAsync(cancellationToken);

    private async Task<Outcome> DispatchAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        object body;
        Type type;
        try
        {
            body = message.Deserialize(out type);
        }
        catch (Exception e)
        {
            return Unpublishable(message, e);
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(PublishTimeout);
            await bus.Publish(body, type, context => context.MessageId = message.Id, timeout.Token);
            message.MarkDispatched(clock.GetUtcNow());
            return Outcome.Published;
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            return Outcome.Stopped;
        }
        catch (Exception e) when (FailedToSerialize(e))
        {
            // The broker is fine; this message can never be put on the wire, however often it is tried.
            return Unpublishable(message, e);
        }
        catch (Exception e)
        {
            message.RecordFailure(e.Message, clock.GetUtcNow(), _retries);
            logger.LogWarning("Outbox message {MessageId} not published (attempt {Attempt}): {Error}", message.Id, message.Attempts, e.Message);
            return Outcome.BrokerFailed;
        }
    }

    /// <summary>The serializer's own failure, as MassTransit passes it on (wrapped in its SerializationException).</summary>
    private static bool FailedToSerialize(Exception? e) => e is not null
        && (e is System.Text.Json.JsonException or NotSupportedException || e.GetType().Name == "SerializationException" || FailedToSerialize(e.InnerException));

    /// <summary>A failure of this row alone: it is retried, then parked, and the rows behind it go on.</summary>
    private Outcome Unpublishable(OutboxMessage message, Exception e)
    {
        message.RecordUnpublishable($"{e.GetType().Name}: {e.Message}", clock.GetUtcNow(), _retries);
        if (message.ParkedAt is null)
            logger.LogWarning("Outbox message {MessageId} ({MessageType}) cannot be published (attempt {Attempt}): {Error}",
                message.Id, message.MessageType, message.Attempts, message.LastError);
        else
            logger.LogError("Outbox message {MessageId} ({MessageType}) parked after {Attempts} attempts: {Error}",
                message.Id, message.MessageType, message.Attempts, message.LastError);
        return Outcome.Unpublishable;
    }
}
