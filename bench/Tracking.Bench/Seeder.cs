using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.Bench;

/// <summary>
/// Fills one workspace straight into tracking's tables with COPY: assets with Zipf-like topics and real captions,
/// and publications spread over platforms and accounts as a busy creator's would be.
/// </summary>
public static class Seeder
{
    public static readonly string[] Platforms = ["tiktok", "instagram", "youtube", "facebook", "x", "linkedin", "pinterest"];
    private static readonly double[] PlatformWeights = [0.3, 0.25, 0.15, 0.1, 0.08, 0.07, 0.05];
    private static readonly string[] Kinds = ["photo", "video", "short", "reel", "carousel", "story", "text"];
    private static readonly double[] KindWeights = [0.35, 0.2, 0.2, 0.12, 0.07, 0.04, 0.02];
    public static readonly string[] Topics = ["travel", "food", "fitness", "fashion", "beauty", "tech", "music", "comedy", "pets", "family",
        "diy", "gaming", "finance", "education", "art", "nature", "cars", "sports", "health", "home", "dance", "books", "coffee", "street", "sunset"];
    private static readonly string[] Visuals = ["face", "text-overlay", "sea", "city", "food-closeup", "product", "animal", "night", "crowd", "outdoor"];
    private static readonly string[] Formats = ["vertical", "square", "landscape"];

    public static async Task SeedAsync(string connectionString, string workspace, int assets, int publications, Dataset data, Action<string> log)
    {
        var random = new Random(42);
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var start = DateTimeOffset.UtcNow.AddYears(-5);
        var ids = new Guid[assets];
        var created = new DateTimeOffset[assets];
        var kinds = new string[assets];

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY assets (id, workspace_id, title, description, kind, content_hash, perceptual_hash, topics, visual_elements, format, status, created_at, updated_at, search_text, attributes) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < assets; i++)
            {
                created[i] = start.AddSeconds(i * (5 * 365 * 86400.0 / assets));
                ids[i] = Guid.CreateVersion7(created[i]);
                kinds[i] = Pick(random, Kinds, KindWeights);
                var caption = data.Captions[random.Next(data.Captions.Count)];
                var title = caption.Length <= 60 ? caption : caption[..(char.IsHighSurrogate(caption[59]) ? 59 : 60)];
                await copy.StartRowAsync();
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(workspace, NpgsqlDbType.Text);
                await copy.WriteAsync(title, NpgsqlDbType.Text);
                await copy.WriteAsync(caption, NpgsqlDbType.Text);
                await copy.WriteAsync(kinds[i], NpgsqlDbType.Text);
                await copy.WriteAsync(Convert.ToHexStringLower(RandomBytes(random, 32)), NpgsqlDbType.Text);
                if (random.NextDouble() < 0.6) await copy.WriteAsync(random.NextInt64(long.MinValue, long.MaxValue), NpgsqlDbType.Bigint); else await copy.WriteNullAsync();
                await copy.WriteAsync(new[] { Zipf(random, Topics), Zipf(random, Topics) }.Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(new[] { Zipf(random, Visuals) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(Formats[random.Next(Formats.Length)], NpgsqlDbType.Text);
                await copy.WriteAsync(random.NextDouble() < 0.8 ? "published" : "draft", NpgsqlDbType.Text);
                await copy.WriteAsync(created[i], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(created[i], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(title + "\n" + caption, NpgsqlDbType.Text);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        log($"seeded {assets:N0} assets in {watch.Elapsed.TotalSeconds:0} s");

        watch.Restart();
        var seen = new HashSet<(int, string, string)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY publications (id, workspace_id, asset_id, platform, account, external_post_id, post_url, published_at, caption, hashtags, source, status, recorded_at, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < publications; n++)
            {
                // Most publications belong to the library's better assets: a Zipf-ish pick over 80 % of them.
                var a = (int)(Math.Pow(random.NextDouble(), 1.6) * assets * 0.8);
                var platform = Pick(random, Platforms, PlatformWeights);
                var account = random.NextDouble() < 0.7 ? "@main" : "@second";
                if (!seen.Add((a, platform, account)))
                    account = $"@alt{n % 50}";
                var at = created[a].AddHours(1 + random.Next(24 * 60));
                var row = data.Captions.Count == 0 ? 0 : random.Next(data.Captions.Count);
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid);
                await copy.WriteAsync(workspace, NpgsqlDbType.Text);
                await copy.WriteAsync(ids[a], NpgsqlDbType.Uuid);
                await copy.WriteAsync(platform, NpgsqlDbType.Text);
                await copy.WriteAsync(account, NpgsqlDbType.Text);
                await copy.WriteAsync($"{platform}-{n}", NpgsqlDbType.Text);
                await copy.WriteAsync($"https://example.invalid/{platform}/{n}", NpgsqlDbType.Text);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(data.Captions[row], NpgsqlDbType.Text);
                await copy.WriteAsync(data.Hashtags[row % data.Hashtags.Count], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("imported", NpgsqlDbType.Text);
                await copy.WriteAsync(random.NextDouble() < 0.97 ? "live" : "removed", NpgsqlDbType.Text);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        log($"seeded {publications:N0} publications in {watch.Elapsed.TotalSeconds:0} s");
        watch.Restart();
        // What the service keeps on each asset as publications come and go (migration 0004 does the same).
        await using (var summary = new NpgsqlCommand("""
            UPDATE assets a SET
                live_platforms = coalesce(s.platforms, '{}'), live_hashtags = coalesce(s.hashtags, '{}')
            FROM (SELECT p.asset_id, array_agg(DISTINCT p.platform) AS platforms,
                         (SELECT array_agg(DISTINCT h) FROM publications q, unnest(q.hashtags) h WHERE q.asset_id = p.asset_id AND q.status = 'live') AS hashtags
                  FROM publications p WHERE p.status = 'live' GROUP BY p.asset_id) s
            WHERE a.id = s.asset_id
            """, connection) { CommandTimeout = 0 })
            await summary.ExecuteNonQueryAsync();
        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync();
        log($"live summary and statistics in {watch.Elapsed.TotalSeconds:0} s");
    }

    private static string Pick(Random random, string[] values, double[] weights)
    {
        var x = random.NextDouble();
        for (var i = 0; i < values.Length; i++)
            if ((x -= weights[i]) <= 0)
                return values[i];
        return values[^1];
    }

    private static string Zipf(Random random, string[] values) => values[(int)(Math.Pow(random.NextDouble(), 2.2) * values.Length)];

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
