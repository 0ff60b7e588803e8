using CreatorMeta.Hashtags.Domain;
using CreatorMeta.Hashtags.Domain.Performance;
using Npgsql;

namespace CreatorMeta.Hashtags.Infrastructure;

/// <summary>Which posts an analysis covers: a workspace's, optionally one platform's or account's, published in [from, to).</summary>
public sealed record PerformanceScope(string Workspace, string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To);

public static class PerformanceRows
{
    public const string Score = "score";
    public static readonly IReadOnlyList<string> Metrics = [Score, "engagementRate"];

    /// <summary>The workspace's taxonomy and, read through it, its posts in scope: what every tag statistic starts from.</summary>
    public static async Task<(Taxonomy Taxonomy, List<PerformanceRow> Rows)> ReadEvidenceAsync(this HashtagsDb db, NpgsqlDataSource dataSource,
        PerformanceScope scope, string metric, CancellationToken cancellationToken)
    {
        var taxonomy = (await db.ReadTaxonomyAsync(scope.Workspace, forUpdate: false, cancellationToken)).Taxonomy;
        return (taxonomy, await dataSource.ReadAsync(scope, metric, taxonomy, cancellationToken));
    }

    /// <summary>
    /// The live posts in scope that have <paramref name="metric"/>, in publication order, their tags counted under the
    /// taxonomy's canonical tags, their format (the kind when the asset names none) and time of day in their account's zone.
    /// </summary>
    public static async Task<List<PerformanceRow>> ReadAsync(this NpgsqlDataSource dataSource, PerformanceScope scope, string metric, Taxonomy taxonomy,
        CancellationToken cancellationToken)
    {
        var column = metric == Score ? "s.score" : "s.engagement_rate";
        await using var command = dataSource.CreateCommand($"""
            SELECT p.publication_id, p.asset_id, p.platform, p.account, p.published_at, coalesce(a.format, a.kind, 'unknown'), z.time_zone,
                   {column}, p.hashtags
            FROM tagged_posts p
            JOIN post_scores s ON s.workspace_id = p.workspace_id AND s.platform = p.platform AND s.external_post_id = p.external_post_id
            LEFT JOIN post_assets a ON a.asset_id = p.asset_id AND a.workspace_id = p.workspace_id
            LEFT JOIN account_zones z ON z.workspace_id = p.workspace_id AND z.platform = p.platform AND z.account = p.account
            WHERE p.workspace_id = $1 AND p.published_at IS NOT NULL AND p.removed_at IS NULL AND {column} IS NOT NULL
              AND ($2::text IS NULL OR p.platform = $2) AND ($3::text IS NULL OR p.account = $3)
              AND ($4::timestamptz IS NULL OR p.published_at >= $4) AND ($5::timestamptz IS NULL OR p.published_at < $5)
            ORDER BY p.published_at, p.publication_id
            """);
        foreach (var value in new object?[] { scope.Workspace, scope.Platform, scope.Account, scope.From, scope.To })
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        command.Parameters[1].NpgsqlDbType = command.Parameters[2].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        command.Parameters[3].NpgsqlDbType = command.Parameters[4].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz;
        var (rows, zones) = (new List<PerformanceRow>(), new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (publishedAt, zone) = (reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(6) ? null : reader.GetString(6));
            var tags = reader.GetFieldValue<string[]>(8).Select(taxonomy.Canonical).Distinct(StringComparer.Ordinal).ToList();
            rows.Add(new PerformanceRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), publishedAt, reader.GetString(5),
                zone, Dayparts.Of(publishedAt, zone is null ? TimeZoneInfo.Utc : zones.TryGetValue(zone, out var known) ? known : zones[zone] = Dayparts.Zone(zone)),
                reader.GetDouble(7), tags));
        }
        return rows;
    }
}
