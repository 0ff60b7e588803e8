using CreatorMeta.MetricsIngestion.Domain.Resolution;
using Npgsql;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>Each workspace's resolution settings; the defaults until it sets its own.</summary>
public sealed class SettingsStore(NpgsqlDataSource db, ResolutionSignal resolution)
{
    public async Task<ResolutionSettings> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string workspace,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT source_precedence, conflict_margin, min_baseline_posts FROM metric_settings WHERE workspace_id = $1", connection, transaction);
        command.Parameters.AddWithValue(workspace);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ResolutionSettings(reader.GetFieldValue<string[]>(0), reader.GetDouble(1), reader.GetInt32(2))
            : ResolutionSettings.Default;
    }

    public async Task<ResolutionSettings> GetAsync(string workspace, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, workspace, cancellationToken);
    }

    /// <summary>Saves the settings and has every post of the workspace resolved again under them.</summary>
    public async Task SaveAsync(string workspace, ResolutionSettings settings, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    INSERT INTO metric_settings (workspace_id, source_precedence, conflict_margin, min_baseline_posts, updated_at)
                    VALUES ($1, $2, $3, $4, now())
                    ON CONFLICT (workspace_id) DO UPDATE SET source_precedence = EXCLUDED.source_precedence,
                        conflict_margin = EXCLUDED.conflict_margin, min_baseline_posts = EXCLUDED.min_baseline_posts, updated_at = now()
                    """) { Parameters = { new() { Value = workspace }, new() { Value = settings.SourcePrecedence.ToArray() },
                        new() { Value = settings.ConflictMargin }, new() { Value = settings.MinBaselinePosts } } },
                new NpgsqlBatchCommand(ResolutionQueue.Mark("SELECT workspace_id, platform, external_post_id FROM posts WHERE workspace_id = $1"))
                    { Parameters = { new() { Value = workspace } } },
            },
        };
        // A batch runs in one implicit transaction: the settings and the re-resolution come together or not at all.
        await batch.ExecuteNonQueryAsync(cancellationToken);
        resolution.Wake();
    }
}
