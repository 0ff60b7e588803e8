using System.Text.Json;
using CreatorMeta.MetricsIngestion.Domain.Resolution;
using Npgsql;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>A post as metrics knows it: tracking's facts (when it has them), and its last resolution.</summary>
public sealed record StoredPost(Guid? PublicationId, Guid? AssetId, string Platform, string Account, string? ExternalPostId,
    DateTimeOffset? PublishedAt, DateTimeOffset? RemovedAt, string? Format, bool NeedsResolution, PostMetrics? Metrics);

public sealed record StoredObservation(long Id, DateTimeOffset ObservedAt, string Source, string SourceEventId, string Metrics);

/// <summary>Reads for the API; every query is scoped to the caller's workspace.</summary>
public sealed class PostQueries(NpgsqlDataSource db)
{
    private static readonly string Select = $"""
        SELECT pub.publication_id, pub.asset_id, coalesce(p.platform, pub.platform), coalesce(pub.account, p.account),
               coalesce(p.external_post_id, pub.external_post_id), pub.published_at, pub.removed_at, coalesce(a.format, a.kind),
               p.workspace_id IS NOT NULL AND {ResolutionQueue.IsQueued}, p.resolution::text
        """;

    public async Task<StoredPost?> ByPublicationAsync(string workspace, Guid publicationId, CancellationToken cancellationToken) =>
        (await ReadAsync($"""
            {Select}
            FROM publications pub
            LEFT JOIN posts p ON p.workspace_id = pub.workspace_id AND p.platform = pub.platform AND p.external_post_id = pub.external_post_id
            LEFT JOIN assets a ON a.asset_id = pub.asset_id AND a.workspace_id = pub.workspace_id
            WHERE pub.workspace_id = $1 AND pub.publication_id = $2
            """, cancellationToken, workspace, publicationId)).FirstOrDefault();

    public async Task<StoredPost?> ByPostAsync(string workspace, string platform, string externalPostId, CancellationToken cancellationToken) =>
        (await ReadAsync($"""
            {Select}
            FROM posts p
            LEFT JOIN LATERAL ({TrackingProjection.PublicationOfPost}) pub ON true
            LEFT JOIN assets a ON a.asset_id = pub.asset_id AND a.workspace_id = p.workspace_id
            WHERE p.workspace_id = $1 AND p.platform = $2 AND p.external_post_id = $3
            """, cancellationToken, workspace, platform, externalPostId)).FirstOrDefault();

    public Task<List<StoredPost>> ByAssetAsync(string workspace, Guid assetId, CancellationToken cancellationToken) =>
        ReadAsync($"""
            {Select}
            FROM publications pub
            LEFT JOIN posts p ON p.workspace_id = pub.workspace_id AND p.platform = pub.platform AND p.external_post_id = pub.external_post_id
            LEFT JOIN assets a ON a.asset_id = pub.asset_id AND a.workspace_id = pub.workspace_id
            WHERE pub.workspace_id = $1 AND pub.asset_id = $2
            ORDER BY pub.published_at NULLS LAST, pub.platform, pub.publication_id
            """, cancellationToken, workspace, assetId);

    /// <summary>The newest observations of a post, at most <paramref name="limit"/>.</summary>
    public async Task<List<StoredObservation>> ObservationsAsync(string workspace, string platform, string externalPostId, int limit,
        CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT id, observed_at, source, source_event_id, metrics::text FROM raw_observations
            WHERE workspace_id = $1 AND platform = $2 AND external_post_id = $3 ORDER BY observed_at DESC, id DESC LIMIT $4
            """);
        foreach (var value in new object[] { workspace, platform, externalPostId, limit })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        var rows = new List<StoredObservation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new StoredObservation(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4)));
        return rows;
    }

    private async Task<List<StoredPost>> ReadAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = db.CreateCommand(sql);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        var posts = new List<StoredPost>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            posts.Add(new StoredPost(
                reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), !reader.IsDBNull(8) && reader.GetBoolean(8),
                reader.IsDBNull(9) ? null : JsonSerializer.Deserialize<PostMetrics>(reader.GetString(9), ResolutionBatch.Json)));
        return posts;
    }
}
