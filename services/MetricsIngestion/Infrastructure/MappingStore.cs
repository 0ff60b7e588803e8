using CreatorMeta.MetricsIngestion.Domain.Normalization;
using Npgsql;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>Mapping rows: the built-in ones (read once; they change only with a deploy) and each workspace's own.</summary>
public sealed class MappingStore(NpgsqlDataSource db, ResolutionSignal resolution)
{
    private const string Columns = "id, workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note";
    /// <summary>How long ingestion may check counts against a workspace's rows before reading them again.</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (MappingSet Set, long Until)> _cache = new();
    private IReadOnlyList<MetricMapping>? _builtIn;

    /// <summary>
    /// The workspace's rows as ingestion checks counts against them, read again at most every few seconds (resolution and
    /// the API always read them fresh; a row added here takes effect on this instance's checks at once).
    /// </summary>
    public async Task<MappingSet> ForIngestionAsync(string workspace, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(workspace, out var cached) && cached.Until > Environment.TickCount64)
            return cached.Set;
        var set = await ForWorkspaceAsync(workspace, cancellationToken);
        _cache[workspace] = (set, Environment.TickCount64 + (long)CacheFor.TotalMilliseconds);
        return set;
    }

    /// <summary>The workspace's rows as they are now, on a connection of its own.</summary>
    public async Task<MappingSet> ForWorkspaceAsync(string workspace, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await ForWorkspaceAsync(connection, null, workspace, cancellationToken);
    }

    public async Task<MappingSet> ForWorkspaceAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string workspace,
        CancellationToken cancellationToken)
    {
        var builtIn = _builtIn ??= await ReadAsync(connection, transaction, "workspace_id IS NULL", [], cancellationToken);
        var own = await ReadAsync(connection, transaction, "workspace_id = $1", [workspace], cancellationToken);
        return new MappingSet(builtIn.Concat(own));
    }

    /// <summary>Built-in and the workspace's rows, by id, after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<MetricMapping>> ListAsync(string workspace, string? platform, string? rawName, long after, int limit,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, null, """
            (workspace_id IS NULL OR workspace_id = $1) AND ($2::text IS NULL OR platform = $2) AND ($3::text IS NULL OR raw_name = $3)
            AND id > $4 ORDER BY id LIMIT $5
            """, [workspace, platform, rawName, after, limit], cancellationToken);
    }

    /// <summary>
    /// Adds a workspace's row, ending the open row it succeeds, unless it overlaps another (returned instead); then marks
    /// the posts whose stored readings it gives a new meaning, so they are resolved again.
    /// </summary>
    public async Task<(MetricMapping? Added, MetricMapping? Overlapping)> AddAsync(MetricMapping row, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended($1, 7))", cancellationToken,
            $"{row.WorkspaceId}\n{row.Platform}\n{row.RawName}");
        var field = await ReadAsync(connection, transaction, "workspace_id = $1 AND platform = $2 AND raw_name = $3",
            [row.WorkspaceId, row.Platform, row.RawName], cancellationToken);
        var placement = MappingSchedule.Place(field, row.EffectiveFrom, row.EffectiveTo);
        if (placement.Overlaps is { } overlapping)
            return (null, overlapping);
        if (placement.Ends is { } ended)
            await Execute(connection, transaction, "UPDATE metric_mappings SET effective_to = $2 WHERE id = $1", cancellationToken,
                ended.Id, row.EffectiveFrom.ToUniversalTime());
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO metric_mappings (workspace_id, platform, api, raw_name, canonical, scope, multiplier, combine, effective_from, effective_to, note)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id
            """, connection, transaction);
        foreach (var value in new object?[] { row.WorkspaceId, row.Platform, row.Api, row.RawName, row.Canonical, row.Scope.Name(), row.Multiplier,
                     row.Combine.ToString().ToLowerInvariant(), row.EffectiveFrom.ToUniversalTime(),
                     new NpgsqlParameter { Value = (object?)row.EffectiveTo?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz },
                     row.Note })
            insert.Parameters.Add(SqlParameters.From(value));
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await Execute(connection, transaction, ResolutionQueue.Mark("""
            SELECT DISTINCT workspace_id, platform, external_post_id FROM raw_observations
            WHERE workspace_id = $1 AND platform = $2 AND metrics ? $3 AND observed_at >= $4
            """), cancellationToken, row.WorkspaceId, row.Platform, row.RawName, row.EffectiveFrom.ToUniversalTime());
        await transaction.CommitAsync(cancellationToken);
        _cache.TryRemove(row.WorkspaceId!, out _);
        resolution.Wake();
        return (row with { Id = id }, null);
    }

    private static async Task<IReadOnlyList<MetricMapping>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string where, object?[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM metric_mappings WHERE {where}", connection, transaction);
        foreach (var value in parameters)
            command.Parameters.Add(SqlParameters.From(value));
        var rows = new List<MetricMapping>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new MetricMapping(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), MetricScopes.Parse(reader.GetString(6)) ?? MetricScope.Lifetime,
                reader.GetDouble(7), reader.GetString(8) == "sum" ? MappingCombine.Sum : MappingCombine.Max,
                reader.GetFieldValue<DateTimeOffset>(9), reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        return rows;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params object?[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
            command.Parameters.Add(SqlParameters.From(value));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
