using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Deletes dispatched outbox rows and inbox rows once they are past their retention (<see cref="MessagingOptions"/>), a
/// bounded batch per statement so a large backlog never holds many row locks or one long transaction. Pending and
/// parked outbox rows are never deleted.
/// </summary>
public sealed class MessageRetention(IServiceProvider services, IOptions<MessagingOptions> options, TimeProvider clock,
    ILogger<MessageRetention> logger) : BackgroundService
{
    // By TID, from an array the subquery fills first, so each statement touches exactly the rows it picked. A pending
    // outbox row has no dispatched_at, so it never qualifies.
    private static string Prune(string table, string doneAt) => $"""
        DELETE FROM {table} WHERE ctid = ANY (ARRAY(
            SELECT ctid FROM {table} WHERE {doneAt} < now() - $1 LIMIT $2))
        """;

    private static readonly string PruneOutbox = Prune("outbox_messages", "dispatched_at");
    private static readonly string PruneInbox = Prune("inbox_messages", "processed_at");

    private readonly MessagingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every service database carries the messaging tables (SqlMigrator applies them first), so only a service without
        // a database has nothing to prune.
        if (services.GetService<NpgsqlDataSource>() is not { } database)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var outbox = await PruneAsync(database, PruneOutbox, _options.OutboxRetention, stoppingToken);
                var inbox = await PruneAsync(database, PruneInbox, _options.InboxRetention, stoppingToken);
                if (outbox + inbox > 0)
                    logger.LogInformation("Deleted {Outbox} outbox and {Inbox} inbox messages past retention", outbox, inbox);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Deleting messages past retention failed; trying again next pass");
            }
            await Task.Delay(_options.RetentionInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<long> PruneAsync(NpgsqlDataSource database, string sql, TimeSpan retention, CancellationToken cancellationToken)
    {
        long deleted = 0;
        while (true)
        {
            await using var command = database.CreateCommand(sql);
            command.Parameters.AddWithValue(retention);
            command.Parameters.AddWithValue(_options.RetentionBatchSize);
            var batch = await command.ExecuteNonQueryAsync(cancellationToken);
            deleted += batch;
            if (batch < _options.RetentionBatchSize)
                return deleted;
        }
    }
}
