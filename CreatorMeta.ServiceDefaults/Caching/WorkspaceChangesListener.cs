using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CreatorMeta.ServiceDefaults.Caching;

/// <summary>
/// Listens on a channel that the service's triggers notify with the workspace of every committed change, and tells the
/// cache. A connection that fails, or does not answer a ping after 5 s of quiet within 5 s, stops the cache until
/// listening is restored, so a copy outlives a change it missed by at most about ten seconds.
/// </summary>
public sealed class WorkspaceChangesListener<TCopy>(NpgsqlDataSource dataSource, WorkspaceCache<TCopy> cache, string channel,
    ILogger<WorkspaceChangesListener<TCopy>> logger) : BackgroundService
    where TCopy : class, IWorkspaceCopy
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => cache.Changed(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
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
                logger.LogWarning(e, "Not listening on {Channel}; analyses read PostgreSQL until it is back.", channel);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        cache.Listening(false);
    }
}
