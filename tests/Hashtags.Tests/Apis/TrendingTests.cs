using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Hashtags.Tests.Apis;

public sealed class TrendingTests : HashtagsHost
{
    private static readonly DateTimeOffset Collapse = TagLibrary.Base.AddDays(-40);

    [Fact]
    public async Task A_tag_whose_effect_collapses_is_flagged_with_when_and_by_how_much_and_falls_while_a_steady_tag_stays_steady()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = Service.CreateClient(workspace);
        // "wave" lifted posts by 0.3 until 40 days before the end, then not at all; "daily" is on half the posts and never matters.
        var posts = await TagLibrary.PublishAsync(Events, workspace, 160,
            (tags, _, _, at, noise) => 0.4 + (tags.Contains("wave") && at < Collapse ? 0.3 : 0) + noise,
            (random, _) => [.. random.NextDouble() < 0.5 ? ["wave"] : Array.Empty<string>(), .. random.NextDouble() < 0.5 ? ["daily"] : Array.Empty<string>(), "all"]);
        await TagLibrary.ProjectedAsync(client, posts);

        var trending = await (await client.GetAsync($"/api/v1/hashtags/trending?platform=instagram&windowDays=35&asOf={Uri.EscapeDataString(TagLibrary.Base.ToString("O"))}"))
            .JsonAsync(HttpStatusCode.OK);

        var yours = trending.GetProperty("yours").EnumerateArray().ToList();
        var wave = yours.Single(t => t.GetProperty("tag").GetString() == "wave");
        var change = wave.GetProperty("rapidChange");
        Assert.Equal("collapse", change.GetProperty("kind").GetString());
        Assert.InRange(change.GetProperty("at").GetDateTimeOffset(), Collapse.AddDays(-10), Collapse.AddDays(10));
        Assert.InRange(change.GetProperty("by").GetDouble(), -0.4, -0.2);
        Assert.Equal("falling", wave.GetProperty("direction").GetString());
        var daily = yours.Single(t => t.GetProperty("tag").GetString() == "daily");
        Assert.Equal(JsonValueKind.Null, daily.GetProperty("rapidChange").ValueKind);
        Assert.Equal("steady", daily.GetProperty("direction").GetString());
        Assert.Equal("wave", yours[0].GetProperty("tag").GetString());
    }

    [Fact]
    public async Task Outside_signals_from_REST_and_from_connectors_are_kept_apart_from_your_evidence_once_each()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = Service.CreateClient(workspace);
        await using var connector = await BrokerProbe.ConnectAsync(Service.Messaging);
        object Signal(string tag, double score, string at) => new { platform = "TikTok", tag, score, observedAt = at, source = "TrendRadar" };

        var stored = await (await client.PostJsonAsync("/api/v1/hashtags/signals", new { signals = new[] { Signal("#Sunset", 40, "2026-11-01T00:00:00Z"), Signal("#Sunset", 70, "2026-11-08T00:00:00Z") } }))
            .JsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/v1/hashtags/signals", new { signals = new[] { Signal("sunset", 70, "2026-11-08T00:00:00Z") } })).JsonAsync(HttpStatusCode.OK);
        await connector.PublishRawJsonAsync("creatormeta.connectors", "trend.observed", JsonSerializer.Serialize(new
        {
            workspaceId = workspace, platform = "tiktok", tag = "#ＣａｆéＬｉｆｅ", score = 12.5, observedAt = "2026-11-09T00:00:00Z", source = "trendradar",
        }));

        JsonElement outside = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var trending = await (await client.GetAsync("/api/v1/hashtags/trending?platform=tiktok&asOf=2026-11-10T00:00:00Z")).JsonAsync(HttpStatusCode.OK);
            outside = trending.GetProperty("outside");
            return outside.GetArrayLength() == 2;
        }, "both tags' outside signals");
        Assert.Equal(2, stored.GetProperty("stored").GetInt32());
        var sunset = outside.EnumerateArray().Single(s => s.GetProperty("tag").GetString() == "sunset");
        Assert.Equal((70.0, 40.0, "trendradar"), (sunset.GetProperty("score").GetDouble(), sunset.GetProperty("previousScore").GetDouble(),
            sunset.GetProperty("source").GetString()));
        Assert.Contains(outside.EnumerateArray(), s => s.GetProperty("tag").GetString() == "cafélife");
    }

    [Theory]
    [InlineData("""{"signals":[]}""", "signals")]
    [InlineData("""{"signals":[{"platform":"tiktok","tag":"!!!","score":1,"observedAt":"2026-11-01T00:00:00Z","source":"radar"}]}""", "signals[0].tag")]
    [InlineData("""{"signals":[{"platform":"tiktok","tag":"ok","score":1,"observedAt":"2099-11-01T00:00:00Z","source":"radar"}]}""", "signals[0].observedAt")]
    [InlineData("""{"signals":[{"platform":"tiktok","tag":"ok","observedAt":"2026-11-01T00:00:00Z","source":"radar"}]}""", "signals[0].score")]
    [InlineData("""{"signals":[{"platform":"tiktok","tag":"ok","score":1,"observedAt":"2026-11-01T00:00:00Z","source":"radar"},{"platform":"orkut","tag":"ok","score":1,"observedAt":"2026-11-01T00:00:00Z","source":"radar"}]}""", "signals[1].platform")]
    public async Task A_batch_with_a_bad_signal_is_refused_whole(string body, string field)
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());

        var problem = await (await client.PostAsync("/api/v1/hashtags/signals", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .JsonAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        var trending = await (await client.GetAsync("/api/v1/hashtags/trending")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, trending.GetProperty("outside").GetArrayLength());
    }
}
