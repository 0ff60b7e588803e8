using System.Text.Json;
using CreatorMeta.MetricsIngestion.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>Stores raw observations idempotently: (workspace, source, source event id) is stored once however often it arrives.</summary>
public sealed class ObservationStore(NpgsqlDataSource db)
{
    /// <summary>Returns true when stored, false when it was already there.</summary>
    public async Task<bool> StoreAsync(Observation observation, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            INSERT INTO raw_observations (workspace_id, platform, account, external_post_id, observed_at, source, source_event_id, metrics)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (workspace_id, source, source_event_id) DO NOTHING
            """);
        command.Parameters.AddWithValue(observation.WorkspaceId);
        command.Parameters.AddWithValue(observation.Platform);
        command.Parameters.AddWithValue(observation.Account);
        command.Parameters.AddWithValue(observation.ExternalPostId);
        command.Parameters.AddWithValue(observation.ObservedAt.ToUniversalTime());
        command.Parameters.AddWithValue(observation.Source);
        command.Parameters.AddWithValue(observation.SourceEventId);
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(observation.Metrics), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
