namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// Resolves posts with new readings, a batch at a time, as soon as they are stored (or at the next poll, for readings
/// another instance stored). Several instances share the work: each claims posts the others have not locked.
/// </summary>
public sealed class ResolutionWorker(IServiceScopeFactory scopes, ResolutionSignal signal, ILogger<ResolutionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var resolved = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                resolved = await scope.ServiceProvider.GetRequiredService<ResolutionBatch>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Resolving metrics failed; retrying");
            }
            if (resolved == 0)
                await signal.WaitAsync(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
