using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.BestTimes;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>Which publications an analysis covers: a workspace's, optionally one platform's or account's, published in [from, to).</summary>
public sealed record AnalysisScope(string Workspace, string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To);

public static class AnalysisRows
{
    /// <summary>The hours of the week on the scope's platform (which it must name), from the scored posts in scope.</summary>
    public static async Task<BestTimeEstimate> BestTimesAsync(this AnalysisCache cache, AnalyticsDb db, AnalysisScope scope,
        CancellationToken cancellationToken)
    {
        var platform = scope.Platform ?? throw new ArgumentException("Best times are per platform.", nameof(scope));
        var history = new PostingHistory();
        foreach (var row in await cache.RowsAsync(db, scope, cancellationToken))
            history.Add(row);
        return history.Estimate(platform);
    }

    /// <summary>The publications the scope covers: the live ones in its workspace, on its platform and account, published in [from, to).</summary>
    private const string InScope = """
        p.workspace_id = $1 AND p.published_at IS NOT NULL AND p.removed_at IS NULL
          AND ($2::text IS NULL OR p.platform = $2) AND ($3::text IS NULL OR p.account = $3)
          AND ($4::timestamptz IS NULL OR p.published_at >= $4) AND ($5::timestamptz IS NULL OR p.published_at < $5)
        """;

    private sealed record Asset(string Kind, string? Format, double? DurationSeconds, string? Language, string[] Topics, string[] VisualElements);

    private static readonly Asset Undescribed = new(AnalysisTable.Unknown, null, null, null, [], []);

    /// <summary>
    /// The live publications in scope that have numbers, in publication order, with their asset's attributes. A post is left out until metrics-ingestion has resolved it, and a removed post leaves the
    /// analysis (analytics counts it apart). Read as three plain queries — the zones, the assets once each, the posts
    /// with their numbers — over one connection, rows built as they arrive, so a large library is never held as rows
    /// and an asset's attributes cross the wire once, not once per post.
    /// </summary>
    public static async IAsyncEnumerable<AnalysisRow> StreamAsync(this AnalyticsDb db, AnalysisScope scope,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            // The posts come sorted; a library's worth sorts in memory rather than in temporary files.
            await using (var memory = new NpgsqlCommand("SET LOCAL work_mem = '256MB'", connection, transaction))
                await memory.ExecuteNonQueryAsync(cancellationToken);

            var zones = new Dictionary<(string, string), (string Name, TimeZoneInfo Zone)>();
            await using (var reader = await new NpgsqlCommand("SELECT platform, account, time_zone FROM account_zones WHERE workspace_id = $1",
                connection, transaction) { Parameters = { new() { Value = scope.Workspace } } }.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    zones[(reader.GetString(0), reader.GetString(1))] = AnalysisRow.Zone(reader.GetString(2));

            var assets = new Dictionary<Guid, Asset>();
            {
                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                string[] Shared(string[] texts)
                {
                    for (var i = 0; i < texts.Length; i++)
                        texts[i] = names.TryGetValue(texts[i], out var known) ? known : names[texts[i]] = texts[i];
                    return texts;
                }
                await using var reader = await Command(connection, transaction, scope, $"""
                    SELECT a.asset_id, a.kind, a.format, a.duration_seconds, a.language, a.topics, a.visual_elements
                    FROM asset_facts a
                    WHERE a.workspace_id = $1 AND a.asset_id IN (SELECT p.asset_id FROM publication_facts p WHERE {InScope})
                    """).ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    assets[reader.GetGuid(0)] = new Asset(reader.GetString(1), Text(reader, 2), reader.IsDBNull(3) ? null : reader.GetDouble(3), Text(reader, 4),
                        Shared(reader.GetFieldValue<string[]>(5)), Shared(reader.GetFieldValue<string[]>(6)));
            }

            await using var posts = await Command(connection, transaction, scope, $"""
                SELECT p.publication_id, p.asset_id, p.platform, p.account, p.published_at, p.caption_length, p.hashtag_count,
                       m.score, m.engagement_rate, m.engagement_rate_definition
                FROM publication_facts p
                JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
                WHERE {InScope}
                ORDER BY p.published_at, p.publication_id
                """).ExecuteReaderAsync(cancellationToken);
            var accounts = new Dictionary<(string, string), (string Platform, string Account, string ZoneName, TimeZoneInfo Zone)>();
            while (await posts.ReadAsync(cancellationToken))
            {
                var (platform, account) = (posts.GetString(2), posts.GetString(3));
                if (!accounts.TryGetValue((platform, account), out var at))
                {
                    var (name, zone) = zones.TryGetValue((platform, account), out var known) ? known : AnalysisRow.Zone(null);
                    accounts[(platform, account)] = at = (platform, account, name, zone);
                }
                var publishedAt = new DateTimeOffset(posts.GetFieldValue<DateTime>(4));
                var (weekday, hour) = AnalysisRow.LocalTime(publishedAt, at.Zone);
                var asset = assets.GetValueOrDefault(posts.GetGuid(1)) ?? Undescribed;
                yield return new AnalysisRow(posts.GetGuid(0), posts.GetGuid(1), at.Platform, at.Account, publishedAt, at.ZoneName, weekday, hour,
                    asset.Kind, asset.Format, asset.DurationSeconds, asset.Language, posts.GetInt32(5), posts.GetInt32(6), asset.Topics,
                    asset.VisualElements, posts.IsDBNull(7) ? null : posts.GetDouble(7), posts.IsDBNull(8) ? null : posts.GetDouble(8), Text(posts, 9));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, AnalysisScope scope, string sql) =>
        new(sql, connection, transaction)
        {
            Parameters =
            {
                new() { Value = scope.Workspace, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)scope.Platform ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)scope.Account ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                new() { Value = (object?)scope.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new() { Value = (object?)scope.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
            },
        };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed record StoredMedians(string Platform, int ScoredPosts, double? MedianScore, double? MedianEngagementRate);

    private sealed record StoredDefinition(string Platform, string Definition, int Posts);

    /// <summary>
    /// Per platform, over the same live posts with numbers (published in the scope's [from, to)) as <see cref="StreamAsync"/>:
    /// how many are scored, the median score and engagement rate, and the rate definitions by how many posts use each —
    /// computed by PostgreSQL, so a large library is not read to be summarized.
    /// </summary>
    public static async Task<Dictionary<string, PlatformNumbers>> PlatformNumbersAsync(this AnalyticsDb db, AnalysisScope scope,
        CancellationToken cancellationToken)
    {
        var medians = await db.Database.SqlQuery<StoredMedians>($"""
            SELECT p.platform AS "Platform", count(m.score)::int AS "ScoredPosts",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY m.score) AS "MedianScore",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY m.engagement_rate) AS "MedianEngagementRate"
            FROM publication_facts p
            JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
            WHERE p.workspace_id = {scope.Workspace} AND p.published_at IS NOT NULL AND p.removed_at IS NULL
              AND ({scope.From}::timestamptz IS NULL OR p.published_at >= {scope.From})
              AND ({scope.To}::timestamptz IS NULL OR p.published_at < {scope.To})
            GROUP BY p.platform
            """).ToListAsync(cancellationToken);
        var definitions = (await db.Database.SqlQuery<StoredDefinition>($"""
            SELECT p.platform AS "Platform", coalesce(m.engagement_rate_definition, 'unnamed') AS "Definition", count(*)::int AS "Posts"
            FROM publication_facts p
            JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
            WHERE p.workspace_id = {scope.Workspace} AND p.published_at IS NOT NULL AND p.removed_at IS NULL AND m.engagement_rate IS NOT NULL
              AND ({scope.From}::timestamptz IS NULL OR p.published_at >= {scope.From})
              AND ({scope.To}::timestamptz IS NULL OR p.published_at < {scope.To})
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken)).ToLookup(d => d.Platform);
        return medians.ToDictionary(m => m.Platform, m => new PlatformNumbers(m.ScoredPosts, m.MedianScore, m.MedianEngagementRate,
            [.. definitions[m.Platform].OrderByDescending(d => d.Posts).ThenBy(d => d.Definition, StringComparer.Ordinal).Select(d => (d.Definition, d.Posts))]));
    }
}

/// <summary>A platform's comparable numbers: scored posts, median score and engagement rate, and the rate definitions used.</summary>
public sealed record PlatformNumbers(int ScoredPosts, double? MedianScore, double? MedianEngagementRate,
    IReadOnlyList<(string Definition, int Posts)> Definitions);
