using System.Net;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests.Messaging;

/// <summary>
/// What the analysis reads, projected from tracking's and metrics-ingestion's events over the test broker and exported as
/// the dataset: each publication with its asset's attributes, its local time in its account's zone and its score.
/// </summary>
public sealed class AnalysisProjectionTests : AnalyticsHost
{
    private Task SendAsync<T>(T message, Guid eventId) where T : class => Events.Publish(message, context => context.MessageId = eventId);

    private static PublicationRecorded Recorded(string workspace, Guid asset, string postId, DateTimeOffset publishedAt, string? caption = null,
        string platform = "instagram") =>
        new(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), asset, platform, "@jamal", postId, null, publishedAt, "manual",
            ["sunset", "pier"], null, caption);

    private static AssetRegistered Registered(string workspace, Guid asset, DateTimeOffset occurredAt, string kind = "video") =>
        new(Guid.NewGuid(), workspace, occurredAt, asset, "clip", kind, null, ["Travel", "sunset", " travel "], ["Water"], "Reel", 42.5, "EN",
            new Dictionary<string, string> { ["mood"] = "calm" });

    private static MetricsUpdated Metrics(string workspace, string postId, double? score, long revision, string platform = "instagram") =>
        new(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, null, platform, "@jamal", postId, DateTimeOffset.UtcNow.AddMinutes(-5),
            new Dictionary<string, double> { ["likes"] = 120 }, 0.04, "engagementRate.byViews = engagement / views", score, revision);

    /// <summary>The dataset's rows as column → value, once <paramref name="ready"/> holds.</summary>
    private async Task<List<Dictionary<string, string>>> DatasetWhenAsync(string workspace, Func<List<Dictionary<string, string>>, bool> ready,
        string what, string query = "")
    {
        var client = Service.CreateClient(workspace);
        List<Dictionary<string, string>> rows = [];
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var response = await client.GetAsync("/api/v1/analytics/dataset.csv" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(',');
            rows = [.. lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(c => c.First, c => c.Second))];
            return ready(rows);
        }, what);
        return rows;
    }

    [Fact]
    public async Task A_post_is_analysed_with_its_assets_attributes_its_score_and_its_local_time_whatever_order_the_facts_arrive_in()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var asset = Guid.NewGuid();
        // 22:30 UTC on a Wednesday is 00:30 on Thursday in Berlin's summer time.
        var publishedAt = new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero);
        var metrics = Metrics(workspace, "C1", 0.8, 1);
        await SendAsync(metrics, metrics.EventId);
        var recorded = Recorded(workspace, asset, "C1", publishedAt, "Golden hour 🌅 at the pier");
        await SendAsync(recorded, recorded.EventId);
        var registered = Registered(workspace, asset, DateTimeOffset.UtcNow);
        await SendAsync(registered, registered.EventId);
        var account = new AccountRegistered(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), "Instagram", "Jamal", "Europe/Berlin");
        await SendAsync(account, account.EventId);

        var row = Assert.Single(await DatasetWhenAsync(workspace, rows => rows is [{ } r] && r["time_zone"] == "Europe/Berlin" && r["kind"] == "video",
            "every fact projected"));

        Assert.Equal((recorded.PublicationId.ToString(), asset.ToString(), "instagram", "@jamal"), (row["publication_id"], row["asset_id"], row["platform"], row["account"]));
        Assert.Equal(("2026-07-01T22:30:00.0000000Z", "thursday", "0"), (row["published_at"], row["weekday"], row["hour"]));
        // 25 characters as a reader counts them (the emoji is one), 26 UTF-16 units.
        Assert.Equal(("25", "2"), (row["caption_length"], row["hashtag_count"]));
        Assert.Equal(("reel", "42.5", "en", "sunset;travel", "water"), (row["format"], row["duration_seconds"], row["language"], row["topics"], row["visual_elements"]));
        Assert.Equal(("0.8", "0.04"), (row["score"], row["engagement_rate"]));
    }

    [Fact]
    public async Task The_newest_numbers_and_description_win_however_late_an_older_one_arrives()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var (asset, sentinelAsset) = (Guid.NewGuid(), Guid.NewGuid());
        foreach (var message in new object[]
        {
            Recorded(workspace, asset, "P1", DateTimeOffset.UtcNow.AddDays(-3)), Recorded(workspace, sentinelAsset, "S1", DateTimeOffset.UtcNow.AddDays(-2)),
            Registered(workspace, asset, DateTimeOffset.UtcNow), Registered(workspace, sentinelAsset, DateTimeOffset.UtcNow),
            Metrics(workspace, "P1", 0.9, revision: 2),
        })
            await Events.Publish(message);
        await DatasetWhenAsync(workspace, rows => rows.Count == 1 && rows[0]["score"] == "0.9", "the first post scored");

        // Older words on each queue, then a later message on the same queue: once that is projected, so are they.
        await Events.Publish(Metrics(workspace, "P1", 0.1, revision: 1));
        await Events.Publish(new AssetUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow.AddHours(-1), asset, ["kind"], "published", "clip", "photo",
            null, [], [], null));
        await Events.Publish(new AssetUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow.AddMinutes(1), sentinelAsset, ["kind"], "published", "clip",
            "photo", null, [], [], null));
        await Events.Publish(Metrics(workspace, "S1", 0.3, revision: 1));

        var rows = await DatasetWhenAsync(workspace, rows => rows.Count == 2 && rows[1]["kind"] == "photo", "the later messages projected");
        Assert.Equal(("0.9", "video", "sunset;travel"), (rows[0]["score"], rows[0]["kind"], rows[0]["topics"]));
    }

    [Fact]
    public async Task Only_live_scored_posts_in_scope_are_in_the_dataset()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var now = DateTimeOffset.UtcNow;
        var live = Recorded(workspace, Guid.NewGuid(), "live", now.AddDays(-10));
        var removed = Recorded(workspace, Guid.NewGuid(), "removed", now.AddDays(-9));
        var unscored = Recorded(workspace, Guid.NewGuid(), "unscored", now.AddDays(-8));
        var elsewhere = Recorded(workspace, Guid.NewGuid(), "yt", now.AddDays(-7), platform: "youtube");
        foreach (var message in new object[]
        {
            live, removed, unscored, elsewhere, Metrics(workspace, "live", 0.5, 1), Metrics(workspace, "removed", 0.6, 1),
            Metrics(workspace, "unscored", null, 1), Metrics(workspace, "yt", 0.7, 1, platform: "youtube"),
            new PublicationRemoved(Guid.NewGuid(), workspace, now, removed.PublicationId, removed.AssetId, "instagram", "@jamal", now, "taken down"),
        })
            await Events.Publish(message);

        string[] expected = [live.PublicationId.ToString(), elsewhere.PublicationId.ToString()];
        // Until the removal and every score are projected, other sets show; this is the one every fact makes.
        await DatasetWhenAsync(workspace, rows => rows.Select(r => r["publication_id"]).SequenceEqual(expected), "the live scored posts");
        var instagram = await DatasetWhenAsync(workspace, _ => true, "one platform", "?platform=Instagram");
        Assert.Equal([live.PublicationId.ToString()], instagram.Select(r => r["publication_id"]));
        var lastWeek = await DatasetWhenAsync(workspace, _ => true, "a week", $"?from={Uri.EscapeDataString(now.AddDays(-7.5).ToString("O"))}");
        Assert.Equal([elsewhere.PublicationId.ToString()], lastWeek.Select(r => r["publication_id"]));
        Assert.Empty(await DatasetWhenAsync(TestEnvironment.NewWorkspace(), _ => true, "another workspace"));
    }

    [Fact]
    public async Task Top_and_bottom_posts_are_ranked_on_the_metric_asked_for()
    {
        var workspace = TestEnvironment.NewWorkspace();
        (string Id, double Score, double Rate)[] planned = [("a", 0.9, 0.01), ("b", 0.2, 0.09), ("c", 0.6, 0.05), ("d", 0.4, 0.03)];
        var posts = planned
            .Select((p, i) => (p.Id, p.Score, p.Rate, Recorded: Recorded(workspace, Guid.NewGuid(), p.Id, DateTimeOffset.UtcNow.AddDays(-10 + i)))).ToList();
        foreach (var (id, score, rate, recorded) in posts)
        {
            await Events.Publish(recorded);
            await Events.Publish(Metrics(workspace, id, score, 1) with { EngagementRate = rate });
        }
        await DatasetWhenAsync(workspace, rows => rows.Count == 4, "every post projected");
        var client = Service.CreateClient(workspace);

        var byScore = await (await client.GetAsync("/api/v1/analytics/top?limit=2")).JsonAsync(HttpStatusCode.OK);
        var byRate = await (await client.GetAsync("/api/v1/analytics/top?limit=2&metric=engagementRate")).JsonAsync(HttpStatusCode.OK);

        string[] Ids(System.Text.Json.JsonElement list) =>
            [.. list.EnumerateArray().Select(p => posts.Single(q => q.Recorded.PublicationId == p.GetProperty("publicationId").GetGuid()).Id)];
        Assert.Equal(4, byScore.GetProperty("posts").GetInt32());
        Assert.Equal(["a", "c", "b", "d"], [.. Ids(byScore.GetProperty("top")), .. Ids(byScore.GetProperty("bottom"))]);
        Assert.Equal(["b", "c", "a", "d"], [.. Ids(byRate.GetProperty("top")), .. Ids(byRate.GetProperty("bottom"))]);
        Assert.Equal(0.09, byRate.GetProperty("top")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Platforms_compare_on_the_median_score_and_the_median_rate_with_the_definitions_behind_it()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var posts = new[] { ("ig1", "instagram", 0.2, 0.04), ("ig2", "instagram", 0.8, 0.06), ("tt1", "tiktok", 0.9, 0.1) };
        foreach (var (id, platform, score, rate) in posts)
        {
            await Events.Publish(Recorded(workspace, Guid.NewGuid(), id, DateTimeOffset.UtcNow.AddDays(-3), platform: platform));
            await Events.Publish(Metrics(workspace, id, score, 1, platform) with
            {
                EngagementRate = rate,
                EngagementRateDefinition = platform == "tiktok" ? "engagementRate.byReach = engagement / reach" : "engagementRate.byViews = engagement / views",
            });
        }
        await DatasetWhenAsync(workspace, rows => rows.Count == 3, "every post projected");

        var platforms = (await (await Service.CreateClient(workspace).GetAsync("/api/v1/analytics/platforms")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("platforms").EnumerateArray().ToDictionary(p => p.GetProperty("platform").GetString()!);

        var instagram = platforms["instagram"];
        Assert.Equal((2, 0.5, 0.05), (instagram.GetProperty("scoredPosts").GetInt32(), instagram.GetProperty("medianScore").GetDouble(),
            Math.Round(instagram.GetProperty("medianEngagementRate").GetDouble(), 12)));
        var definition = Assert.Single(instagram.GetProperty("engagementRateDefinitions").EnumerateArray());
        Assert.Equal(("engagementRate.byViews = engagement / views", 2), (definition.GetProperty("definition").GetString(), definition.GetProperty("posts").GetInt32()));
        Assert.Equal("engagementRate.byReach = engagement / reach",
            platforms["tiktok"].GetProperty("engagementRateDefinitions")[0].GetProperty("definition").GetString());
    }

    [Theory]
    [InlineData("?platform=myspace", "platform")]
    [InlineData("?account=%40", "account")]
    [InlineData("?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task A_scope_that_names_nothing_real_is_refused_with_the_reason(string query, string field)
    {
        var problem = await (await Service.CreateClient(TestEnvironment.NewWorkspace()).GetAsync("/api/v1/analytics/dataset.csv" + query))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
