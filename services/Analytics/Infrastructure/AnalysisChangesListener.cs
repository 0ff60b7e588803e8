using Npgsql;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>
/// Listens on the analysis_changed channel (migration 0005) and tells <see cref="AnalysisCache"/> which workspace changed.
/// A connection that fails, or does not answer a ping after 5 s of quiet within 5 s, stops the cache until listening is
/// restored, so a copy outlives a change it missed by at most about ten seconds.
/// </summary>
public sealed class AnalysisChangesListener(NpgsqlDataSource dataSource, AnalysisCache cache, ILogger<AnalysisChangesListener> logger)
    : BackgroundService
{
    public const string Channel = "analysis_changed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => cache.Changed(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                cache.Listening(true);
                while (!stoppingToken.IsCancellationRequested)
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken))
                        await using (var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 })
                            await ping.ExecuteScalarAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                cache.Listening(false);
                logger.LogWarning(e, "Not listening for analysis changes; analyses read PostgreSQL until it is back.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        cache.Listening(false);
    }
}
