using System.Text.Json;
using CreatorMeta.MetricsIngestion.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

public enum StoreOutcome { Stored, Duplicate, BeforePublication }

/// <summary>
/// Stores raw observations and queues their posts for resolution, in one statement per batch (after one that reads
/// when the posts went out). (workspace, source, source
/// event id) is stored once however often it arrives; a reading from before the post was published is refused.
/// </summary>
public sealed class ObservationStore(NpgsqlDataSource db, ResolutionSignal resolution)
{
    public async Task<IReadOnlyList<StoreOutcome>> StoreAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var published = await PublishedAtAsync(connection, transaction, observations, cancellationToken);
        var outcomes = observations.Select(o => published.TryGetValue((o.WorkspaceId, o.Platform, o.ExternalPostId), out var at) && o.ObservedAt < at
            ? StoreOutcome.BeforePublication : StoreOutcome.Duplicate).ToArray();
        // Sorted by key, so two batches that share observations or posts take their locks in the same order.
        var toStore = observations.Where((_, i) => outcomes[i] != StoreOutcome.BeforePublication)
            .OrderBy(o => o.Source, StringComparer.Ordinal).ThenBy(o => o.SourceEventId, StringComparer.Ordinal).ToList();
        var stored = await InsertAsync(connection, transaction, toStore, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < observations.Count; i++)
            if (outcomes[i] == StoreOutcome.Duplicate && stored.Remove((observations[i].WorkspaceId, observations[i].Source, observations[i].SourceEventId)))
                outcomes[i] = StoreOutcome.Stored;
        if (outcomes.Contains(StoreOutcome.Stored))
            resolution.Wake();
        return outcomes;
    }

    private static async Task<Dictionary<(string, string, string), DateTimeOffset>> PublishedAtAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT p.workspace_id, p.platform, p.external_post_id, min(p.published_at)
            FROM publications p JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(w, pl, e)
              ON p.workspace_id = k.w AND p.platform = k.pl AND p.external_post_id = k.e
            WHERE p.published_at IS NOT NULL
            GROUP BY 1, 2, 3
            """, connection, transaction);
        command.Parameters.AddWithValue(observations.Select(o => o.WorkspaceId).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.Platform).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.ExternalPostId).ToArray());
        var published = new Dictionary<(string, string, string), DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            published[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetFieldValue<DateTimeOffset>(3);
        return published;
    }

    private static async Task<HashSet<(string, string, string)>> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<Observation> observations, CancellationToken cancellationToken)
    {
        var stored = new HashSet<(string, string, string)>();
        if (observations.Count == 0)
            return stored;
        await using var command = new NpgsqlCommand($"""
            WITH stored AS (
                INSERT INTO raw_observations (workspace_id, platform, account, external_post_id, observed_at, source, source_event_id, metrics)
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::jsonb[])
                ON CONFLICT (workspace_id, source, source_event_id) DO NOTHING
                RETURNING workspace_id, platform, account, external_post_id, source, source_event_id),
            known AS (
                INSERT INTO posts (workspace_id, platform, external_post_id, account)
                SELECT DISTINCT ON (workspace_id, platform, external_post_id) workspace_id, platform, external_post_id, account
                FROM stored ORDER BY workspace_id, platform, external_post_id
                ON CONFLICT (workspace_id, platform, external_post_id) DO NOTHING),
            marked AS ({ResolutionQueue.Mark("SELECT DISTINCT workspace_id, platform, external_post_id FROM stored")})
            SELECT workspace_id, source, source_event_id FROM stored
            """, connection, transaction);
        command.Parameters.AddWithValue(observations.Select(o => o.WorkspaceId).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.Platform).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.Account).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.ExternalPostId).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.ObservedAt.ToUniversalTime()).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.Source).ToArray());
        command.Parameters.AddWithValue(observations.Select(o => o.SourceEventId).ToArray());
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = observations.Select(o => JsonSerializer.Serialize(o.Metrics)).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
        });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            stored.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return stored;
    }
}
