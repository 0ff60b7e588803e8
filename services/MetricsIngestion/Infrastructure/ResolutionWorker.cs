namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// Resolves posts with new readings, a batch at a time, as soon as they are stored (or at the next poll, for readings
/// another instance stored). Several instances, and several loops in each, share the work: each claims posts the others
/// have not locked. When a batch fails, that loop takes the next ones a post at a time, so a post that cannot be resolved
/// is found, logged and moved to the back of the queue instead of holding up every post behind it. Once per
/// Resolution:WakeSweepInterval (a minute), one loop wakes every post whose baseline filled without a batch counting it
/// (an instance stopped between its commit and its count).
/// </summary>
public sealed class ResolutionWorker(IServiceScopeFactory scopes, ResolutionSignal signal, IConfiguration configuration, TimeProvider clock,
    ILogger<ResolutionWorker> logger) : BackgroundService
{
    /// <summary>Batches resolved at once: while one waits on PostgreSQL, the others compute.</summary>
    public const int Loops = 3;

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _sweepInterval = configuration.GetValue("Resolution:WakeSweepInterval", TimeSpan.FromMinutes(1));
    private long _nextSweep;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Loops).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        var oneByOne = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var resolved = 0;
            await using var scope = scopes.CreateAsyncScope();
            var batch = scope.ServiceProvider.GetRequiredService<ResolutionBatch>();
            try
            {
                resolved = await batch.RunAsync(oneByOne > 0 ? 1 : ResolutionBatch.Size, stoppingToken);
                oneByOne = Math.Max(0, oneByOne - 1);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && oneByOne == 0)
            {
                logger.LogWarning(e, "Resolving a batch of posts failed; taking the next ones one at a time");
                oneByOne = ResolutionBatch.Size;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "A post could not be resolved; it goes to the back of the queue");
                await batch.RequeueAsync(batch.LastClaimed, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            var woken = await SweepAsync(batch, stoppingToken);
            if (resolved == 0 && woken == 0)
                await signal.WaitAsync(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Wakes posts whose baseline filled unseen, when it is this loop's turn; returns how many.</summary>
    private async Task<int> SweepAsync(ResolutionBatch batch, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + _sweepInterval.Ticks, due) != due)
            return 0;
        try
        {
            return await batch.WakeAllAwaitingAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Looking for posts whose baseline has grown failed; trying again at the next sweep");
            return 0;
        }
    }
}
