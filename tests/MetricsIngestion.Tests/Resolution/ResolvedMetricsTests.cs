using System.Net;
using System.Text.Json;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Testing;
using static CreatorMeta.MetricsIngestion.Tests.MetricsFixture;

namespace CreatorMeta.MetricsIngestion.Tests.Resolution;

[Collection(MetricsCollection.Name)]
public sealed class ResolvedMetricsTests(MetricsFixture fixture)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly DateTimeOffset ThreeDaysAgo = new(Now.AddDays(-3).UtcDateTime.Date, TimeSpan.Zero);

    private static JsonElement Derived(JsonElement metrics, string name) =>
        metrics.GetProperty("derived").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name);

    private static double Value(JsonElement metrics, string metric) => metrics.GetProperty("values").GetProperty(metric).GetProperty("value").GetDouble();

    [Fact]
    public async Task Platform_fields_resolve_to_canonical_values_with_every_formula_named_and_values_at_fixed_ages()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        var post = await fixture.PublishAsync(workspace, "tiktok", "7301", ThreeDaysAgo);
        await UploadAsync(client,
            Observation("tiktok", "7301", ThreeDaysAgo.AddMinutes(30), "api", new { view_count = 1000, like_count = 100, comment_count = 10, share_count = 5 }),
            Observation("tiktok", "7301", ThreeDaysAgo.AddHours(2), "api", new { view_count = "3,000", like_count = "250", comment_count = 20, share_count = 9 }),
            Observation("tiktok", "7301", ThreeDaysAgo.AddHours(48), "api",
                new { view_count = "9K", like_count = 700, comment_count = 60, share_count = 40, mystery_field = 7, favorites_count = (int?)null }));

        var body = await MetricsWhenAsync(client, post.PublicationId, b => b.GetProperty("metrics").GetProperty("observations").GetInt32() == 3,
            "three readings resolved");

        var metrics = body.GetProperty("metrics");
        Assert.Equal(9000, Value(metrics, "views"));
        Assert.Equal(700, Value(metrics, "likes"));
        var engagement = Derived(metrics, "engagement");
        Assert.Equal(800, engagement.GetProperty("value").GetDouble());
        Assert.Equal(["likes", "comments", "shares"], engagement.GetProperty("counted").EnumerateArray().Select(c => c.GetString()));
        var byViews = Derived(metrics, "engagementRate.byViews");
        Assert.Equal(800.0 / 9000, byViews.GetProperty("value").GetDouble(), 9);
        Assert.Equal("engagement / views", byViews.GetProperty("formula").GetString());
        Assert.Equal("No reach observed.", Derived(metrics, "engagementRate.byReach").GetProperty("missing").GetString());
        // 1 h lies between the readings at 30 min and 2 h: likes 100 + (30/90) × 150.
        var ages = metrics.GetProperty("ages").EnumerateArray().ToDictionary(a => a.GetProperty("age").GetString()!, a => a.GetProperty("values"));
        Assert.Equal(["1h", "24h"], ages.Keys);
        Assert.Equal(150, ages["1h"].GetProperty("likes").GetProperty("value").GetDouble(), 6);
        Assert.Equal("interpolated", ages["1h"].GetProperty("likes").GetProperty("kind").GetString());
        // The unknown field is kept and shown, with the observation it came in; the absent saves count is not a zero.
        Assert.Contains("mystery_field", metrics.GetProperty("unmappedFields").EnumerateArray().Select(f => f.GetString()));
        Assert.False(metrics.GetProperty("values").TryGetProperty("saves", out _));
        var newest = body.GetProperty("rawObservations")[0];
        Assert.Equal(7, newest.GetProperty("metrics").GetProperty("mystery_field").GetInt32());
        Assert.Contains("favorites_count", newest.GetProperty("absent").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task A_less_trusted_source_never_lowers_a_counter_a_real_decrease_is_kept_and_marked_and_disagreement_is_flagged()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        var post = await fixture.PublishAsync(workspace, "tiktok", "7302", ThreeDaysAgo);
        await UploadAsync(client,
            Observation("tiktok", "7302", ThreeDaysAgo.AddHours(1), "api", new { like_count = 1000 }),
            Observation("tiktok", "7302", ThreeDaysAgo.AddHours(2), "scrape", new { like_count = "800" }),
            Observation("tiktok", "7302", ThreeDaysAgo.AddHours(3), "scrape", new { like_count = "1.5K" }),
            Observation("tiktok", "7302", ThreeDaysAgo.AddHours(4), "scrape", new { like_count = "1.5K" }),
            Observation("tiktok", "7302", ThreeDaysAgo.AddHours(5), "api", new { like_count = 1460 }),
            Observation("tiktok", "7302", ThreeDaysAgo.AddHours(6), "api", new { like_count = 1200 }));

        var metrics = (await MetricsWhenAsync(client, post.PublicationId, b => b.GetProperty("metrics").GetProperty("observations").GetInt32() == 6,
            "six readings resolved")).GetProperty("metrics");

        Assert.Equal(1200, Value(metrics, "likes"));
        var growth = metrics.GetProperty("growth").EnumerateArray().Select(p => p.GetProperty("values").GetProperty("likes").GetDouble()).ToList();
        Assert.Equal([1000, 1000, 1500, 1500, 1460, 1200], growth);
        var decrease = Assert.Single(metrics.GetProperty("decreases").EnumerateArray());
        Assert.Equal((1460, 1200, "api"), (decrease.GetProperty("from").GetDouble(), decrease.GetProperty("to").GetDouble(),
            decrease.GetProperty("source").GetString()));
        // 800 after 1000 is 20 % apart, beyond the default 10 % margin; 1460 after "1.5K" is within it.
        var conflict = Assert.Single(metrics.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(("api", 1000, "scrape", 800), (conflict.GetProperty("kept").GetProperty("source").GetString(),
            conflict.GetProperty("kept").GetProperty("value").GetDouble(), conflict.GetProperty("other").GetProperty("source").GetString(),
            conflict.GetProperty("other").GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task Readings_of_a_post_tracking_does_not_know_yet_resolve_and_are_published_again_once_it_does()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        await using var broker = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        await broker.WatchEventAsync<MetricsUpdated>();
        await UploadAsync(client, Observation("tiktok", "7303", ThreeDaysAgo.AddHours(30), "api", new { view_count = 5000, like_count = 400 }));

        await HttpAssertions.EventuallyAsync(async () =>
        {
            var response = await client.GetAsync("/api/v1/metrics/posts/tiktok/7303");
            return response.StatusCode == HttpStatusCode.OK && (await response.JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString() == "resolved";
        }, "the unknown post resolved");
        var unknown = await (await client.GetAsync("/api/v1/metrics/posts/tiktok/7303")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("Tracking has not recorded", unknown.GetProperty("metrics").GetProperty("score").GetProperty("reason").GetString());
        var first = Assert.Single(await broker.ReceiveAsync(m => m.GetProperty("workspaceId").GetString() == workspace, 1, TimeSpan.FromSeconds(20)));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("message").GetProperty("publicationId").ValueKind);
        Assert.Equal(1, first.GetProperty("message").GetProperty("revision").GetInt64());

        var post = await fixture.PublishAsync(workspace, "tiktok", "7303", ThreeDaysAgo);

        var again = Assert.Single(await broker.ReceiveAsync(m => m.GetProperty("workspaceId").GetString() == workspace, 1, TimeSpan.FromSeconds(20)));
        var message = again.GetProperty("message");
        Assert.Equal(post.PublicationId, message.GetProperty("publicationId").GetGuid());
        // The second word on the post: a consumer that gets the two the other way round keeps this one.
        Assert.Equal(2, message.GetProperty("revision").GetInt64());
        Assert.Equal(0.08, message.GetProperty("engagementRate").GetDouble(), 9);
        Assert.StartsWith("engagementRate.byViews = engagement / views", message.GetProperty("engagementRateDefinition").GetString());
        var known = await MetricsWhenAsync(client, post.PublicationId, _ => true, "the publication's metrics");
        Assert.Equal(ThreeDaysAgo, known.GetProperty("post").GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal("24h", known.GetProperty("metrics").GetProperty("ages")[1].GetProperty("age").GetString());

        // Resolving again with nothing new to say sends nothing: once it has been resolved again, a later post's event
        // arrives, and none for this one before it.
        var resolvedAt = known.GetProperty("metrics").GetProperty("resolvedAt").GetDateTimeOffset();
        var asset = new CreatorMeta.Contracts.Tracking.AssetUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, post.AssetId, ["title"],
            "published", "clip, renamed", "video", null, [], [], "reel");
        await fixture.SendAsync(asset, asset.EventId);
        await MetricsWhenAsync(client, post.PublicationId, b => b.GetProperty("metrics").GetProperty("resolvedAt").GetDateTimeOffset() > resolvedAt,
            "resolved again after the asset changed");
        await UploadAsync(client, Observation("tiktok", "7303-later", ThreeDaysAgo.AddHours(30), "api", new { like_count = 1 }));
        var received = await broker.ReceiveUntilAsync(m => m.GetProperty("externalPostId").GetString() == "7303-later", TimeSpan.FromSeconds(20));
        Assert.Equal("7303-later", received[^1].GetProperty("message").GetProperty("externalPostId").GetString());
        Assert.DoesNotContain(received, m => m.GetProperty("message").GetProperty("externalPostId").GetString() == "7303");
    }

    [Fact]
    public async Task A_reading_from_before_the_post_was_published_is_refused()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        var post = await fixture.PublishAsync(workspace, "tiktok", "7304", ThreeDaysAgo);
        await HttpAssertions.EventuallyAsync(async () => (await client.GetAsync($"/api/v1/publications/{post.PublicationId}/metrics")).StatusCode == HttpStatusCode.OK,
            "the publication projected");

        var result = await (await client.PostJsonAsync("/api/v1/metrics/observations", new
        {
            observations = new[] { Observation("tiktok", "7304", ThreeDaysAgo.AddDays(-1), "api", new { like_count = 3 }) },
        })).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        Assert.True(result.GetProperty("results")[0].GetProperty("errors").TryGetProperty("observedAt", out _));
        Assert.Equal(0, await fixture.StoredAsync(workspace));
    }
}
