using CreatorMeta.Tracking.Domain;
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

    /// <summary>One planned publication; planned before anything is written so each asset's live summary is known up front.</summary>
    private readonly record struct Planned(int Asset, string Platform, string Account, int Row, bool Live, DateTimeOffset At);

    public static async Task<long> CountAssetsAsync(string connectionString, string workspace)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM assets WHERE workspace_id = $1", connection) { Parameters = { new() { Value = workspace } } };
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public static async Task SeedAsync(string connectionString, string workspace, int assets, int publications, Dataset data, Action<string> log)
    {
        var random = new Random(42);
        var watch = Stopwatch.StartNew();
        var start = DateTimeOffset.UtcNow.AddYears(-5);
        var created = Enumerable.Range(0, assets).Select(i => start.AddSeconds(i * (5 * 365 * 86400.0 / assets))).ToArray();
        var ids = created.Select(c => Guid.CreateVersion7(c)).ToArray();
        var plan = Plan(random, created, publications, data);
        var livePlatforms = new SortedSet<string>?[assets];
        var liveHashtags = new SortedSet<string>?[assets];
        foreach (var p in plan.Where(p => p.Live))
        {
            (livePlatforms[p.Asset] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(p.Platform);
            (liveHashtags[p.Asset] ??= new SortedSet<string>(StringComparer.Ordinal)).UnionWith(data.Hashtags[p.Row % data.Hashtags.Count]);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY assets (id, workspace_id, title, description, kind, content_hash, perceptual_hash, topics, visual_elements, format, status, created_at, updated_at, search_text, attributes, live_platforms, live_hashtags) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < assets; i++)
            {
                var caption = data.Captions[random.Next(data.Captions.Count)];
                var title = caption.Length <= 60 ? caption : caption[..(char.IsHighSurrogate(caption[59]) ? 59 : 60)];
                await copy.StartRowAsync();
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(workspace, NpgsqlDbType.Text);
                await copy.WriteAsync(title, NpgsqlDbType.Text);
                await copy.WriteAsync(caption, NpgsqlDbType.Text);
                await copy.WriteAsync(Pick(random, Kinds, KindWeights), NpgsqlDbType.Text);
                await copy.WriteAsync(Convert.ToHexStringLower(RandomBytes(random, 32)), NpgsqlDbType.Text);
                if (random.NextDouble() < 0.6) await copy.WriteAsync(random.NextInt64(long.MinValue, long.MaxValue), NpgsqlDbType.Bigint); else await copy.WriteNullAsync();
                await copy.WriteAsync(new[] { Zipf(random, Topics), Zipf(random, Topics) }.Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(new[] { Zipf(random, Visuals) }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(Formats[random.Next(Formats.Length)], NpgsqlDbType.Text);
                await copy.WriteAsync(livePlatforms[i] is null ? "draft" : "published", NpgsqlDbType.Text);
                await copy.WriteAsync(created[i], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(created[i], NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(SearchWords.Of(title + "\n" + caption), NpgsqlDbType.Text);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await copy.WriteAsync(livePlatforms[i]?.ToArray() ?? [], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(liveHashtags[i]?.ToArray() ?? [], NpgsqlDbType.Array | NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        log($"seeded {assets:N0} assets in {watch.Elapsed.TotalSeconds:0} s");

        watch.Restart();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY publications (id, workspace_id, asset_id, platform, account, external_post_id, post_url, published_at, caption, hashtags, source, status, recorded_at, version) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < plan.Length; n++)
            {
                var p = plan[n];
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(p.At), NpgsqlDbType.Uuid);
                await copy.WriteAsync(workspace, NpgsqlDbType.Text);
                await copy.WriteAsync(ids[p.Asset], NpgsqlDbType.Uuid);
                await copy.WriteAsync(p.Platform, NpgsqlDbType.Text);
                await copy.WriteAsync(p.Account, NpgsqlDbType.Text);
                await copy.WriteAsync($"{p.Platform}-{n}", NpgsqlDbType.Text);
                await copy.WriteAsync($"https://example.invalid/{p.Platform}/{n}", NpgsqlDbType.Text);
                await copy.WriteAsync(p.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(data.Captions[p.Row], NpgsqlDbType.Text);
                await copy.WriteAsync(data.Hashtags[p.Row % data.Hashtags.Count], NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync("imported", NpgsqlDbType.Text);
                await copy.WriteAsync(p.Live ? "live" : "removed", NpgsqlDbType.Text);
                await copy.WriteAsync(p.At, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        log($"seeded {plan.Length:N0} publications in {watch.Elapsed.TotalSeconds:0} s");
        watch.Restart();
        // A library in use has been vacuumed: without it, autovacuum would run through the measurements, and index-only
        // scans would still visit the table because the freshly copied pages are not yet marked all-visible.
        await using (var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 })
            await vacuum.ExecuteNonQueryAsync();
        log($"vacuumed and analyzed in {watch.Elapsed.TotalSeconds:0} s");
    }

    private static Planned[] Plan(Random random, DateTimeOffset[] created, int publications, Dataset data)
    {
        var plan = new Planned[publications];
        var seen = new HashSet<(int, string, string)>();
        for (var n = 0; n < publications; n++)
        {
            // Most publications belong to the library's better assets: a Zipf-ish pick over 80 % of them.
            var a = (int)(Math.Pow(random.NextDouble(), 1.6) * created.Length * 0.8);
            var platform = Pick(random, Platforms, PlatformWeights);
            var account = random.NextDouble() < 0.7 ? "@main" : "@second";
            if (!seen.Add((a, platform, account)))
                account = $"@alt{n % 50}";
            plan[n] = new Planned(a, platform, account, random.Next(data.Captions.Count), random.NextDouble() < 0.97,
                created[a].AddHours(1 + random.Next(24 * 60)));
        }
        return plan;
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
