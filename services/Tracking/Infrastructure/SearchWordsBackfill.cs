using CreatorMeta.Tracking.Domain;
using Npgsql;

namespace CreatorMeta.Tracking.Infrastructure;

/// <summary>
/// Separates the words of search text indexed before punctuation and symbols did (Women’s, today—we), once, in the
/// background: a library of millions of assets would hold start-up far too long. Batches commit as they go and each
/// row is only rewritten if nobody changed it meanwhile (whatever changed it wrote separated words already); when the
/// last batch is done the step is recorded with the migrations, so it never runs again.
/// </summary>
public sealed class SearchWordsBackfill(NpgsqlDataSource db, ILogger<SearchWordsBackfill> logger) : BackgroundService
{
    public const string StepId = "tracking_0011_search_words";
    private const int Batch = 2000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var done = db.CreateCommand("SELECT 1 FROM schema_migrations WHERE id = $1"))
        {
            done.Parameters.AddWithValue(StepId);
            if (await done.ExecuteScalarAsync(stoppingToken) is not null)
                return;
        }
        var (after, rewritten) = (Guid.Empty, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            var rows = new List<(Guid Id, string Text)>();
            await using (var read = db.CreateCommand("SELECT id, search_text FROM assets WHERE id > $1 ORDER BY id LIMIT $2"))
            {
                read.Parameters.AddWithValue(after);
                read.Parameters.AddWithValue(Batch);
                await using var reader = await read.ExecuteReaderAsync(stoppingToken);
                while (await reader.ReadAsync(stoppingToken))
                    rows.Add((reader.GetGuid(0), reader.GetString(1)));
            }
            var changed = rows.Select(r => (r.Id, Old: r.Text, New: SearchWords.Of(r.Text))).Where(r => r.New != r.Old).ToList();
            if (changed.Count > 0)
            {
                await using var update = db.CreateCommand("""
                    UPDATE assets a SET search_text = c.new FROM unnest($1::uuid[], $2::text[], $3::text[]) AS c(id, old, new)
                    WHERE a.id = c.id AND a.search_text = c.old
                    """);
                update.Parameters.AddWithValue(changed.Select(c => c.Id).ToArray());
                update.Parameters.AddWithValue(changed.Select(c => c.Old).ToArray());
                update.Parameters.AddWithValue(changed.Select(c => c.New).ToArray());
                rewritten += await update.ExecuteNonQueryAsync(stoppingToken);
            }
            if (rows.Count < Batch)
                break;
            after = rows[^1].Id;
        }
        if (stoppingToken.IsCancellationRequested)
            return;
        await using var record = db.CreateCommand("INSERT INTO schema_migrations (id) VALUES ($1) ON CONFLICT DO NOTHING");
        record.Parameters.AddWithValue(StepId);
        await record.ExecuteNonQueryAsync(stoppingToken);
        logger.LogInformation("Search text of {Count} assets separated into words", rewritten);
    }
}
