using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.Bench;

/// <summary>
/// A creator's library as analytics' projection holds it after a year of use, written straight into its tables with
/// COPY: assets with topics, visual elements, formats, durations and languages, each published on two of seven
/// platforms over seventy accounts in three time zones, every post scored. Scores carry planted effects (topics,
/// formats, platforms) and noise, so the analysis has something to find. Deterministic for a given size.
/// </summary>
public static class Library
{
    private static readonly string[] Platforms = ["tiktok", "instagram", "youtube", "facebook", "x", "linkedin", "pinterest"];
    private static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "Asia/Ho_Chi_Minh"];
    private static readonly string[] Topics = [.. Enumerable.Range(0, 30).Select(t => $"topic{t:00}")];
    private static readonly string[] Elements = [.. Enumerable.Range(0, 15).Select(e => $"element{e:00}")];
    private static readonly string?[] Formats = ["reel", "carousel", "post", "short", null];
    private static readonly string?[] Languages = ["en", "de", "es", "vi", null];

    public static async Task<long> CountAsync(string connectionString, string workspace)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM publication_facts WHERE workspace_id = $1", connection) { Parameters = { new() { Value = workspace } } };
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Two changes that cancel out (one post's score negated and back), as metrics-ingestion would make them.</summary>
    public static async Task ChangeAsync(string connectionString, string workspace)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 2; i++)
            await using (var change = new NpgsqlCommand("""
                UPDATE metric_facts SET score = -score
                WHERE ctid = (SELECT ctid FROM metric_facts WHERE workspace_id = $1 AND score <> 0 ORDER BY external_post_id LIMIT 1)
                """, connection) { Parameters = { new() { Value = workspace } } })
                await change.ExecuteNonQueryAsync();
    }

    public static async Task SeedAsync(string connectionString, string workspace, int publications, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(5);
        var assetCount = publications / 2;
        var assets = Enumerable.Range(0, assetCount).Select(a => Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddSeconds(a))).ToArray();
        var topicsOf = new string[assetCount][];
        var formatOf = new string?[assetCount];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY asset_facts (asset_id, workspace_id, kind, format, topics, visual_elements, duration_seconds, language, attributes, as_of) FROM STDIN (FORMAT BINARY)"))
        {
            for (var a = 0; a < assetCount; a++)
            {
                topicsOf[a] = [.. Topics.OrderBy(_ => random.Next()).Take(1 + random.Next(3))];
                formatOf[a] = Formats[random.Next(Formats.Length)];
                var video = random.Next(3) > 0;
                await copy.StartRowAsync();
                await copy.WriteAsync(assets[a], NpgsqlDbType.Uuid);
                await copy.WriteAsync(workspace, NpgsqlDbType.Text);
                await copy.WriteAsync(video ? "video" : "photo", NpgsqlDbType.Text);
                await Nullable(copy, formatOf[a]);
                await copy.WriteAsync(topicsOf[a], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(Elements.Where(_ => random.Next(6) == 0).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (video)
                    await copy.WriteAsync((double)random.Next(5, 1200), NpgsqlDbType.Double);
                else
                    await copy.WriteNullAsync();
                await Nullable(copy, Languages[random.Next(Languages.Length)]);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await copy.WriteAsync(DateTimeOffset.UnixEpoch, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await using (var facts = await connection.BeginBinaryImportAsync(
            "COPY publication_facts (publication_id, workspace_id, asset_id, platform, account, published_at, hashtag_count, is_repurpose, external_post_id, caption_length) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < publications; i++)
            {
                var (platform, account) = AccountOf(i);
                var publishedAt = now.AddSeconds(-random.Next(3600, 365 * 86400));
                await facts.WriteRowAsync(default, Guid.CreateVersion7(publishedAt), workspace, assets[i / 2], platform, account, publishedAt,
                    random.Next(21), i % 2 == 1, $"bench-{i}", random.Next(0, 500));
            }
            await facts.CompleteAsync();
        }
        await using (var metrics = await connection.BeginBinaryImportAsync(
            "COPY metric_facts (workspace_id, platform, external_post_id, metrics, engagement_rate, engagement_rate_definition, score, observed_at, revision) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < publications; i++)
            {
                var (platform, _) = AccountOf(i);
                var a = i / 2;
                // Planted: topics 0–4 lift the score by 0.02 to 0.10, reels by 0.05, TikTok by 0.08; the rest is noise.
                var lift = topicsOf[a].Sum(t => int.Parse(t[5..]) < 5 ? 0.02 * (int.Parse(t[5..]) + 1) : 0) + (formatOf[a] == "reel" ? 0.05 : 0)
                    + (platform == "tiktok" ? 0.08 : 0);
                var score = Math.Round(Math.Clamp(0.4 + lift + (random.NextDouble() - 0.5) * 0.5, 0, 1), 6);
                await metrics.StartRowAsync();
                await metrics.WriteAsync(workspace, NpgsqlDbType.Text);
                await metrics.WriteAsync(platform, NpgsqlDbType.Text);
                await metrics.WriteAsync($"bench-{i}", NpgsqlDbType.Text);
                await metrics.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await metrics.WriteAsync(Math.Round(0.01 + score * 0.05, 6), NpgsqlDbType.Double);
                await metrics.WriteAsync("engagements / views", NpgsqlDbType.Text);
                await metrics.WriteAsync(score, NpgsqlDbType.Double);
                await metrics.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await metrics.WriteAsync(1L, NpgsqlDbType.Bigint);
            }
            await metrics.CompleteAsync();
        }
        await using (var zones = await connection.BeginBinaryImportAsync("COPY account_zones (workspace_id, platform, account, time_zone) FROM STDIN (FORMAT BINARY)"))
        {
            for (var p = 0; p < Platforms.Length; p++)
                for (var h = 0; h < 10; h++)
                    await zones.WriteRowAsync(default, workspace, Platforms[p], $"@creator{h}", Zones[h % Zones.Length]);
            await zones.CompleteAsync();
        }
        foreach (var table in new[] { "asset_facts", "publication_facts", "metric_facts", "account_zones" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }
        log($"seeded {publications:N0} publications of {assetCount:N0} assets in {watch.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>An asset's two posts go to two different platforms; accounts are spread over ten handles per platform.</summary>
    private static (string Platform, string Account) AccountOf(int i) =>
        (Platforms[(i / 2 + (i % 2) * 3) % Platforms.Length], $"@creator{(i / 2 * 3 + i % 2) % 10}");

    private static async Task Nullable(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
            await copy.WriteNullAsync();
        else
            await copy.WriteAsync(value, NpgsqlDbType.Text);
    }
}
