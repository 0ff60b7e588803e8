using System.Runtime.CompilerServices;
using CreatorMeta.Analytics.Domain;
using Npgsql;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>Which publications an analysis covers: a workspace's, optionally one platform's or account's, published in [from, to).</summary>
public sealed record AnalysisScope(string Workspace, string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To)
{
    public static AnalysisScope All(string workspace) => new(workspace, null, null, null, null);
}

public static class AnalysisRows
{
    /// <summary>The kind a post reads as until analytics has been told about its asset.</summary>
    public const string UndescribedKind = "unknown";

    private sealed record Asset(string Kind, string? Format, double? DurationSeconds, string? Language, string[] Topics, string[] VisualElements);

    private static readonly Asset Undescribed = new(UndescribedKind, null, null, null, [], []);

    /// <summary>
    /// The workspace's live publications that have numbers, with their asset's attributes and their local weekday and
    /// hour, in no particular order. A post is left out until metrics-ingestion has resolved it, and a removed post leaves
    /// the analysis (analytics counts it apart). Three plain queries in one snapshot — the zones, each asset once, the
    /// posts with their numbers — so an asset's attributes cross the wire once, not once per post, and rows are built as
    /// they arrive, never as an intermediate list of records.
    /// </summary>
    public static async IAsyncEnumerable<AnalysisRow> StreamAsync(this NpgsqlDataSource dataSource, string workspace,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        NpgsqlCommand Query(string sql) => new(sql, connection, transaction) { Parameters = { new() { Value = workspace } } };

        var zones = new Dictionary<(string, string), (string Name, TimeZoneInfo Zone)>();
        await using (var reader = await Query("SELECT platform, account, time_zone FROM account_zones WHERE workspace_id = $1").ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                zones[(reader.GetString(0), reader.GetString(1))] = AnalysisRow.Zone(reader.GetString(2));

        var assets = new Dictionary<Guid, Asset>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] Shared(string[] texts)
        {
            for (var i = 0; i < texts.Length; i++)
                texts[i] = names.TryGetValue(texts[i], out var known) ? known : names[texts[i]] = texts[i];
            return texts;
        }
        await using (var reader = await Query("""
            SELECT asset_id, kind, format, duration_seconds, language, topics, visual_elements FROM asset_facts WHERE workspace_id = $1
            """).ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                assets[reader.GetGuid(0)] = new Asset(reader.GetString(1), Text(reader, 2), reader.IsDBNull(3) ? null : reader.GetDouble(3), Text(reader, 4),
                    Shared(reader.GetFieldValue<string[]>(5)), Shared(reader.GetFieldValue<string[]>(6)));

        await using var posts = await Query("""
            SELECT p.publication_id, p.asset_id, p.platform, p.account, p.published_at, p.caption_length, p.hashtag_count,
                   m.score, m.engagement_rate, m.engagement_rate_definition
            FROM publication_facts p
            JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
            WHERE p.workspace_id = $1 AND p.published_at IS NOT NULL AND p.removed_at IS NULL
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
            var publishedAt = posts.GetFieldValue<DateTimeOffset>(4);
            var (weekday, hour) = AnalysisRow.LocalTime(publishedAt, at.Zone);
            var asset = assets.GetValueOrDefault(posts.GetGuid(1)) ?? Undescribed;
            yield return new AnalysisRow(posts.GetGuid(0), posts.GetGuid(1), at.Platform, at.Account, publishedAt, at.ZoneName, weekday, hour,
                asset.Kind, asset.Format, asset.DurationSeconds, asset.Language, posts.GetInt32(5), posts.GetInt32(6), asset.Topics,
                asset.VisualElements, posts.IsDBNull(7) ? null : posts.GetDouble(7), posts.IsDBNull(8) ? null : posts.GetDouble(8), Text(posts, 9));
        }
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
