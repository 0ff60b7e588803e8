using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Hashtags.Tests;

/// <summary>
/// A creator's tagged library sent as tracking and metrics-ingestion would send it: three accounts on two platforms
/// (Berlin, New York, Tokyo), assets cross-posted one to three times (every seventh, posted more than once, reposted last
/// where it first went out), reels and carousels posted at every time of day,
/// tags drawn per post, and scores made by <c>score(tags, format, local hour, when, noise)</c>. Posts go out over the 200 days
/// before <see cref="Base"/>. The same arguments give the same library.
/// </summary>
public static class TagLibrary
{
    public static readonly DateTimeOffset Base = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly (string Platform, string Account, string Zone)[] Accounts =
        [("instagram", "@jamal", "Europe/Berlin"), ("instagram", "@studio", "America/New_York"), ("tiktok", "@jamal", "Asia/Tokyo")];

    /// <summary>Publishes the library; returns how many posts went out.</summary>
    public static async Task<int> PublishAsync(IBus events, string workspace, int assets, Func<string[], string, int, DateTimeOffset, double, double> score,
        Func<Random, int, string[]> tagsOf)
    {
        var random = new Random(17);
        foreach (var (platform, account, zone) in Accounts)
            await events.Publish(new AccountRegistered(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), platform, account, zone));
        var posts = 0;
        for (var i = 0; i < assets; i++)
        {
            var asset = Guid.NewGuid();
            var format = random.Next(2) == 0 ? "reel" : "carousel";
            await events.Publish(new AssetRegistered(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, asset, "clip", "video", null, ["travel"], [], format));
            var copies = 1 + random.Next(3);
            for (var copy = 0; copy < copies; copy++, posts++)
            {
                // Every seventh asset posted more than once goes out again, last, where it first did: two posts of one asset in one group.
                var again = i % 7 == 0 && copies > 1 && copy == copies - 1;
                var (platform, account, zone) = Accounts[(i + (again ? 0 : copy)) % Accounts.Length];
                var at = Base.AddHours(-random.Next(24, 24 * 200));
                var localHour = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zone)).Hour;
                var tags = tagsOf(random, localHour);
                var postId = $"post-{i}-{copy}";
                var recorded = new PublicationRecorded(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), asset, platform, account, postId,
                    null, at, "manual", [.. tags.Take(1)], null, "Out today " + string.Join(' ', tags.Skip(1).Select(t => "#" + t)));
                var noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 0.2;
                await events.Publish(recorded);
                await events.Publish(new MetricsUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, recorded.PublicationId, platform, account, postId,
                    DateTimeOffset.UtcNow, new Dictionary<string, double> { ["likes"] = 10 }, null, null,
                    Math.Round(Math.Clamp(score(tags, format, localHour, at, noise), 0, 1), 6), 1));
            }
        }
        return posts;
    }

    /// <summary>The workspace's dataset once all <paramref name="posts"/> posts are there with their formats and zones.</summary>
    public static async Task<string> ProjectedAsync(HttpClient client, int posts)
    {
        var dataset = "";
        await HttpAssertions.EventuallyAsync(async () =>
        {
            dataset = await (await client.GetAsync("/api/v1/hashtags/dataset.csv?halfLifeDays=90")).Content.ReadAsStringAsync();
            var rows = dataset.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            // Until its asset is described a post's format reads "unknown"; until its account's zone arrives, its zone is empty.
            return rows.Count == posts && !rows.Any(r => r.Contains(",unknown,") || r.Split(',')[5].Length == 0);
        }, "every post projected", seconds: 60);
        return dataset;
    }
}
