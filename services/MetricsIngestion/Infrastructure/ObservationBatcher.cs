using System.Threading.Channels;
using CreatorMeta.MetricsIngestion.Domain;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// Commits connectors' readings in groups: each message waits for the commit of the group it joined, so it is still
/// acknowledged only once stored, but hundreds of concurrent messages share one statement and one commit instead of
/// taking one each. Under light load a group is a single reading and nothing waits.
/// </summary>
public sealed class ObservationBatcher(ObservationStore store, ILogger<ObservationBatcher> logger) : BackgroundService
{
    public const int MaxGroup = 500;

    private readonly Channel<(Observation Observation, TaskCompletionSource<StoreOutcome> Stored)> _pending =
        Channel.CreateBounded<(Observation, TaskCompletionSource<StoreOutcome>)>(MaxGroup * 4);

    public async Task<StoreOutcome> StoreAsync(Observation observation, CancellationToken cancellationToken)
    {
        var stored = new TaskCompletionSource<StoreOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _pending.Writer.WriteAsync((observation, stored), cancellationToken);
        return await stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<(Observation Observation, TaskCompletionSource<StoreOutcome> Stored)>(MaxGroup);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxGroup && _pending.Reader.TryRead(out var next))
                    group.Add(next);
                try
                {
                    // Not the stopping token: a group that has started is committed, so its messages are acknowledged, not retried.
                    var outcomes = await store.StoreAsync([.. group.Select(g => g.Observation)], CancellationToken.None);
                    for (var i = 0; i < group.Count; i++)
                        group[i].Stored.TrySetResult(outcomes[i]);
                }
                catch (Exception e)
                {
                    // Every reading of the group fails with it and its message is retried by the bus: nothing is acknowledged unstored.
                    logger.LogWarning(e, "Storing {Count} connector readings failed", group.Count);
                    group.ForEach(g => g.Stored.TrySetException(e));
                }
                group.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // What has not been stored is given back to the bus, and nothing waits for a group that will never come.
            _pending.Writer.TryComplete();
            group.ForEach(g => g.Stored.TrySetCanceled(stoppingToken));
            while (_pending.Reader.TryRead(out var left))
                left.Stored.TrySetCanceled(stoppingToken);
        }
    }
}
