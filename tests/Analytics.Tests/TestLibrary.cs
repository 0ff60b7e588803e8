using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests;

/// <summary>A creator's library sent as the events tracking and metrics-ingestion would send, and the wait for analytics to hold it.</summary>
public static class TestLibrary
{
    /// <summary>Publication times count back from a fixed instant, so every run analyses the same weekdays and hours.</summary>
    private static readonly DateTimeOffset Base = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <paramref name="assets"/> assets with every kind of attribute varied, each posted once — or, when
    /// <paramref name="crossPosted"/>, one to three times, on @jamal or @studio — whose scores come from
    /// <paramref name="score"/> (topics, format, platform, noise) for posts placed on platforms by <paramref name="platformOf"/>
    /// (topics, a draw); <paramref name="topics"/> are the topics drawn from. The same arguments give the same library.
    /// Returns how many posts went out.
    /// </summary>
    public static async Task<int> PublishAsync(IBus events, string workspace, int assets, Func<string[], string?, string, double, double> score,
        Func<string[], double, string> platformOf, string[]? topics = null, bool crossPosted = false)
    {
        var random = new Random(9);
        topics ??= ["travel", "food", "sunset", "city"];
        var posts = 0;
        for (var i = 0; i < assets; i++)
        {
            var asset = Guid.NewGuid();
            var postTopics = topics.Where(_ => random.NextDouble() < 0.35).ToArray();
            string? format = random.Next(3) switch { 0 => "reel", 1 => "carousel", _ => null };
            var registered = new AssetRegistered(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, asset, "clip", random.Next(2) == 0 ? "video" : "photo",
                null, postTopics, random.Next(2) == 0 ? ["water"] : ["people", "water"], format, random.Next(4) == 0 ? null : random.Next(5, 900),
                random.Next(3) switch { 0 => "en", 1 => "de", _ => null }, null);
            await events.Publish(registered);
            for (var copy = 0; copy < (crossPosted ? 1 + random.Next(3) : 1); copy++, posts++)
            {
                var (platform, account, postId) = (platformOf(postTopics, random.NextDouble()), copy % 2 == 0 ? "@jamal" : "@studio", $"post-{i}-{copy}");
                var recorded = new PublicationRecorded(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), asset, platform, account, postId,
                    null, Base.AddHours(-random.Next(24, 24 * 60)), "manual", [.. Enumerable.Range(0, random.Next(0, 13)).Select(t => $"tag{t}")],
                    null, new string('a', random.Next(0, 400)));
                var noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 0.2;
                var value = Math.Clamp(score(postTopics, format, platform, noise), 0, 1);
                await events.Publish(recorded);
                await events.Publish(new MetricsUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, recorded.PublicationId, platform, account, postId,
                    DateTimeOffset.UtcNow, new Dictionary<string, double> { ["likes"] = 10 }, null, null, Math.Round(value, 6), 1));
            }
        }
        return posts;
    }

    /// <summary>The workspace's dataset once all <paramref name="posts"/> posts are there with their assets described.</summary>
    public static async Task<string> ProjectedAsync(HttpClient client, int posts)
    {
        var dataset = "";
        await HttpAssertions.EventuallyAsync(async () =>
        {
            dataset = await (await client.GetAsync("/api/v1/analytics/dataset.csv")).Content.ReadAsStringAsync();
            // Until its asset is described, a post's kind reads "unknown".
            var rows = dataset.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            return rows.Count == posts && !rows.Any(r => r.Contains(",unknown,"));
        }, "every post projected", seconds: 60);
        return dataset;
    }
}
