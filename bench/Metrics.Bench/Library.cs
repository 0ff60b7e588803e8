using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.Bench;

/// <summary>
/// The publications metrics knows, written straight into its projection with COPY as tracking's events would have left
/// them: assets with formats, publications over seven platforms and seventy accounts across the past year, one post each.
/// </summary>
public sealed class Library(string[] platforms, string[] accounts, string[] postIds, DateTimeOffset[] publishedAt, Guid[] publicationIds)
{
    public static readonly string[] Platforms = ["tiktok", "instagram", "youtube", "facebook", "x", "linkedin", "pinterest"];
    private static readonly string[] Formats = ["reel", "short", "post", "carousel"];

    public int Count => postIds.Length;
    public string Platform(int i) => platforms[i];
    public string Account(int i) => accounts[i];
    public string PostId(int i) => postIds[i];
    public DateTimeOffset PublishedAt(int i) => publishedAt[i];
    public Guid PublicationId(int i) => publicationIds[i];

    public static Library Plan(int publications, DateTimeOffset now)
    {
        var random = new Random(7);
        var platforms = new string[publications];
        var accounts = new string[publications];
        var ids = new string[publications];
        var published = new DateTimeOffset[publications];
        var publicationIds = new Guid[publications];
        for (var i = 0; i < publications; i++)
        {
            platforms[i] = Platforms[i % Platforms.Length];
            accounts[i] = $"@creator{random.Next(10)}";
            ids[i] = $"bench-{i}";
            published[i] = now.AddSeconds(-random.Next(3600, 365 * 86400));
            publicationIds[i] = Guid.CreateVersion7(published[i]);
        }
        return new Library(platforms, accounts, ids, published, publicationIds);
    }

    public static async Task<long> CountAsync(string connectionString, string workspace)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM publications WHERE workspace_id = $1", connection) { Parameters = { new() { Value = workspace } } };
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public async Task SeedAsync(string connectionString, string workspace, Action<string> log)
    {
        var watch = Stopwatch.StartNew();
        var assets = Enumerable.Range(0, Count / 4 + 1).Select(i => Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddSeconds(i))).ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY assets (asset_id, workspace_id, format, kind, as_of) FROM STDIN (FORMAT BINARY)"))
        {
            for (var a = 0; a < assets.Length; a++)
                await copy.WriteRowAsync(default, assets[a], workspace, Formats[a % Formats.Length], "video", DateTimeOffset.UnixEpoch);
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY publications (publication_id, workspace_id, asset_id, platform, account, external_post_id, published_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < Count; i++)
                await copy.WriteRowAsync(default, publicationIds[i], workspace, assets[i / 4], platforms[i], accounts[i], postIds[i], publishedAt[i]);
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY posts (workspace_id, platform, external_post_id, account) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < Count; i++)
                await copy.WriteRowAsync(default, workspace, platforms[i], postIds[i], accounts[i]);
            await copy.CompleteAsync();
        }
        // A year of resolution would have left every post's engagement at 24 h and 7 d in its baseline: scoring reads
        // baselines of about 3,500 posts each, as a full library's would be.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY baseline_values (workspace_id, platform, account, format, age, external_post_id, engagement) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < Count; i++)
                foreach (var (age, hours) in new[] { ("24h", 24), ("7d", 168) })
                    await copy.WriteRowAsync(default, workspace, platforms[i], accounts[i], Formats[i / 4 % Formats.Length], age, postIds[i],
                        (double)Engagement(i, hours));
            await copy.CompleteAsync();
        }
        foreach (var table in new[] { "assets", "publications", "posts", "baseline_values" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
            await vacuum.ExecuteNonQueryAsync();
        }
        log($"seeded {Count:N0} publications of {assets.Length:N0} assets in {watch.Elapsed.TotalSeconds:0} s");
    }

    private static long Views(int i, double hours) => (long)(500 * Math.Log2(1 + hours) * (1 + i % 13));

    private static long Engagement(int i, double hours) => (long)(Views(i, hours) * (0.02 + i % 7 * 0.01));

    /// <summary>What each platform's connector sends, named the platform's way, growing with the post's age.</summary>
    public Dictionary<string, object> Reading(int i, DateTimeOffset observedAt)
    {
        var hours = Math.Max(1, (observedAt - publishedAt[i]).TotalHours);
        var views = Views(i, hours);
        long Part(double share) => (long)(views * share);
        return platforms[i] switch
        {
            "tiktok" => new() { ["view_count"] = views, ["like_count"] = Part(0.08), ["comment_count"] = Part(0.004), ["share_count"] = Part(0.006) },
            "instagram" => new() { ["views"] = views, ["reach"] = Part(0.6), ["likes"] = Part(0.07), ["comments"] = Part(0.003), ["saved"] = Part(0.01) },
            "youtube" => new() { ["viewCount"] = views.ToString(), ["likeCount"] = Part(0.04).ToString(), ["commentCount"] = Part(0.002).ToString() },
            "facebook" => new() { ["post_media_view"] = views, ["post_clicks"] = Part(0.02), ["post_reactions_by_type_total.like"] = Part(0.03) },
            "x" => new() { ["public_metrics.impression_count"] = views, ["public_metrics.like_count"] = Part(0.02), ["public_metrics.retweet_count"] = Part(0.004) },
            "linkedin" => new() { ["impressionCount"] = views, ["likeCount"] = Part(0.02), ["clickCount"] = Part(0.01), ["commentCount"] = Part(0.002) },
            _ => new() { ["lifetime_metrics.TOTAL_REACTIONS"] = Part(0.02), ["lifetime_metrics.TOTAL_COMMENTS"] = Part(0.001) },
        };
    }
}
