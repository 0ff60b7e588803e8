using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;
using static CreatorMeta.MetricsIngestion.Tests.MetricsFixture;

namespace CreatorMeta.MetricsIngestion.Tests.Resolution;

[Collection(MetricsCollection.Name)]
public sealed class BaselineScoreTests(MetricsFixture fixture)
{
    private static readonly DateTimeOffset Published = new(DateTimeOffset.UtcNow.AddDays(-2).UtcDateTime.Date, TimeSpan.Zero);

    private async Task<Guid> PostAsync(HttpClient client, string workspace, string id, int likesAtADay, string format = "reel")
    {
        var post = await fixture.PublishAsync(workspace, "tiktok", id, Published, format: format);
        await UploadAsync(client,
            Observation("tiktok", id, Published.AddMinutes(30), "api", new { like_count = likesAtADay / 10 }),
            Observation("tiktok", id, Published.AddHours(24), "api", new { like_count = likesAtADay }));
        return post.PublicationId;
    }

    private static async Task<JsonElement> ScoreAsync(HttpClient client, Guid publication, Func<JsonElement, bool> ready) =>
        (await MetricsWhenAsync(client, publication, b => ready(b.GetProperty("metrics").GetProperty("score")), "scored"))
        .GetProperty("metrics").GetProperty("score");

    [Fact]
    public async Task Each_post_is_scored_against_the_creators_other_posts_of_its_format_at_the_same_age_once_the_baseline_is_large_enough()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        await (await client.PutAsync("/api/v1/metrics/settings", System.Net.Http.Json.JsonContent.Create(new { minBaselinePosts = 3 }))).JsonAsync(HttpStatusCode.OK);
        var first = await PostAsync(client, workspace, "b1", 240);
        var second = await PostAsync(client, workspace, "b2", 480);

        var thin = await ScoreAsync(client, second, s => s.TryGetProperty("reason", out var r) && r.GetString()!.Contains("1 comparable"));
        Assert.Equal(JsonValueKind.Null, thin.GetProperty("percentile").ValueKind);
        Assert.Equal("24h", thin.GetProperty("age").GetString());

        var third = await PostAsync(client, workspace, "b3", 720);
        var best = await PostAsync(client, workspace, "b4", 960);
        var aShort = await PostAsync(client, workspace, "b5", 5000, format: "short");

        // The first post waited for its baseline and is scored as soon as it is there, without a new reading of its own.
        var lowest = await ScoreAsync(client, first, s => s.GetProperty("percentile").ValueKind == JsonValueKind.Number);
        Assert.Equal(0, lowest.GetProperty("percentile").GetDouble());
        Assert.Equal(3, lowest.GetProperty("baselinePosts").GetInt32());
        var top = await ScoreAsync(client, best, s => s.GetProperty("percentile").ValueKind == JsonValueKind.Number);
        Assert.Equal(1, top.GetProperty("percentile").GetDouble());
        // 960 likes at 24 h against 240, 480 and 720: median 480, MAD 240.
        Assert.Equal((960 - 480) / (1.4826 * 240), top.GetProperty("robustZ").GetDouble(), 5);
        var middle = await ScoreAsync(client, third, s => s.GetProperty("percentile").ValueKind == JsonValueKind.Number);
        Assert.Equal(2.0 / 3, middle.GetProperty("percentile").GetDouble(), 5);
        // The only short is scored at 24 h like the reels, but against no baseline of its own, however many reels there are.
        var alone = await ScoreAsync(client, aShort, s => s.GetProperty("age").ValueKind == JsonValueKind.String);
        Assert.Equal(("24h", 0, JsonValueKind.Null), (alone.GetProperty("age").GetString(), alone.GetProperty("baselinePosts").GetInt32(),
            alone.GetProperty("percentile").ValueKind));
    }
}
