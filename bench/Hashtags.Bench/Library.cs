using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.Bench;

/// <summary>
/// A creator's library as the hashtags service's projection holds it after a year of use, written straight into its
/// tables with COPY: each asset published on two of seven platforms over seventy accounts in three time zones, every
/// post scored, five tags a post on average from a vocabulary of 5,000 used very unevenly (a few tags on most posts, most
/// on a few). Planted so the statistics have something to find: every hundredth tag (tag0007, tag0107, …) lifts the
/// score by 0.05, and tag0001 by 0.15 in the last two weeks only. Deterministic for a given size and day.
/// </summary>
public static class Library
{
    private static readonly string[] Platforms = ["tiktok", "instagram", "youtube", "facebook", "x", "linkedin", "pinterest"];
    private static readonly string[] Zones = ["America/New_York", "Europe/Berlin", "Asia/Ho_Chi_Minh"];
    private static readonly string?[] Formats = ["reel", "carousel", "post", "short", null];
    private static readonly string[] Tags = [.. Enumerable.Range(0, 5_000).Select(t => $"tag{t:0000}")];

    public static async Task<(long Posts, long Uses)> CountAsync(string connectionString, string workspace)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*), coalesce(sum(cardinality(hashtags)), 0) FROM tagged_posts WHERE workspace_id = $1",
            connection) { Parameters = { new() { Value = workspace } } };
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Two changes that cancel out (one post's score negated and back), as metrics-ingestion would make them.</summary>
    public static async Task ChangeAsync(string connectionString, string workspace)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        for (var i = 0; i < 2; i++)
            await using (var change = new NpgsqlCommand("""
                UPDATE post_scores SET score = -score
                WHERE ctid = (SELECT ctid FROM post_scores WHERE workspace_id = $1 AND score <> 0 ORDER BY external_post_id LIMIT 1)
                """, connection) { Parameters = { new() { Value = workspace } } })
                await change.ExecuteNonQueryAsync();
    }

    public static async Task SeedAsync(string connectionString, string workspace, int publications, DateTimeOffset end, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(7);
        var assetCount = publications / 2;
        var assets = Enumerable.Range(0, assetCount).Select(a => Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddSeconds(a))).ToArray();
        var formatOf = new string?[assetCount];
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY post_assets (asset_id, workspace_id, kind, format, topics, as_of) FROM STDIN (FORMAT BINARY)"))
        {
            for (var a = 0; a < assetCount; a++)
            {
                formatOf[a] = Formats[random.Next(Formats.Length)];
                await copy.StartRowAsync();
                await copy.WriteAsync(assets[a], NpgsqlDbType.Uuid);
                await copy.WriteAsync(workspace, NpgsqlDbType.Text);
                await copy.WriteAsync(random.Next(3) > 0 ? "video" : "photo", NpgsqlDbType.Text);
                if (formatOf[a] is { } format)
                    await copy.WriteAsync(format, NpgsqlDbType.Text);
                else
                    await copy.WriteNullAsync();
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(DateTimeOffset.UnixEpoch, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }
        var scores = new (double Score, double Rate)[publications];
        await using (var posts = await connection.BeginBinaryImportAsync(
            "COPY tagged_posts (publication_id, workspace_id, asset_id, platform, account, external_post_id, published_at, hashtags) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < publications; i++)
            {
                var (platform, account) = AccountOf(i);
                var publishedAt = end.AddSeconds(-random.Next(3600, 365 * 86400));
                var tags = Enumerable.Range(0, 1 + random.Next(9)).Select(_ => Tags[(int)(Tags.Length * Math.Pow(random.NextDouble(), 3))]).Distinct().ToArray();
                var lift = tags.Count(t => t[^2..] == "07") * 0.05 + (tags.Contains("tag0001") && end - publishedAt < TimeSpan.FromDays(14) ? 0.15 : 0)
                    + (formatOf[i / 2] == "reel" ? 0.05 : 0);
                var score = Math.Round(Math.Clamp(0.4 + lift + (random.NextDouble() - 0.5) * 0.5, 0, 1), 6);
                scores[i] = (score, Math.Round(0.01 + score * 0.05, 6));
                await posts.WriteRowAsync(default, Guid.CreateVersion7(publishedAt), workspace, assets[i / 2], platform, account, $"bench-{i}", publishedAt, tags);
            }
            await posts.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY post_scores (workspace_id, platform, external_post_id, score, engagement_rate, observed_at, revision) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < publications; i++)
                await copy.WriteRowAsync(default, workspace, AccountOf(i).Platform, $"bench-{i}", scores[i].Score, scores[i].Rate, end, 1L);
            await copy.CompleteAsync();
        }
        await using (var zones = await connection.BeginBinaryImportAsync("COPY account_zones (workspace_id, platform, account, time_zone) FROM STDIN (FORMAT BINARY)"))
        {
            for (var p = 0; p < Platforms.Length; p++)
                for (var h = 0; h < 10; h++)
                    await zones.WriteRowAsync(default, workspace, Platforms[p], $"@creator{h}", Zones[h % Zones.Length]);
            await zones.CompleteAsync();
        }
        foreach (var table in new[] { "post_assets", "tagged_posts", "post_scores", "account_zones" })
            await using (var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection))
                await vacuum.ExecuteNonQueryAsync();
        log($"seeded {publications:N0} publications of {assetCount:N0} assets in {watch.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>An asset's two posts go to two different platforms; accounts are spread over ten handles per platform.</summary>
    private static (string Platform, string Account) AccountOf(int i) =>
        (Platforms[(i / 2 + (i % 2) * 3) % Platforms.Length], $"@creator{(i / 2 * 3 + i % 2) % 10}");
}
