using System.Net;
using System.Text.Json;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using static CreatorMeta.MetricsIngestion.Tests.MetricsFixture;

namespace CreatorMeta.MetricsIngestion.Tests.Resolution;

[Collection(MetricsCollection.Name)]
public sealed class BaselineScoreTests(MetricsFixture fixture)
{
    private static readonly DateTimeOffset Published = new(DateTimeOffset.UtcNow.AddDays(-2).UtcDateTime.Date, TimeSpan.Zero);

    private async Task<Guid> PostAsync(HttpClient client, string workspace, string id, int likesAtADay, string format = "reel") =>
        (await RecordedPostAsync(client, workspace, id, likesAtADay, format)).PublicationId;

    private async Task<PublicationRecorded> RecordedPostAsync(HttpClient client, string workspace, string id, int likesAtADay, string format = "reel")
    {
        var post = await fixture.PublishAsync(workspace, "tiktok", id, Published, format: format);
        await UploadAsync(client,
            Observation("tiktok", id, Published.AddMinutes(30), "api", new { like_count = likesAtADay / 10 }),
            Observation("tiktok", id, Published.AddHours(24), "api", new { like_count = likesAtADay }));
        return post;
    }

    private static async Task MinimumBaselineAsync(HttpClient client, int posts) =>
        await (await client.PutAsync("/api/v1/metrics/settings", System.Net.Http.Json.JsonContent.Create(new { minBaselinePosts = posts })))
            .JsonAsync(HttpStatusCode.OK);

    private static async Task<JsonElement> ScoreAsync(HttpClient client, Guid publication, Func<JsonElement, bool> ready) =>
        (await MetricsWhenAsync(client, publication, b => ready(b.GetProperty("metrics").GetProperty("score")), "scored"))
        .GetProperty("metrics").GetProperty("score");

    [Fact]
    public async Task Each_post_is_scored_against_the_creators_other_posts_of_its_format_at_the_same_age_once_the_baseline_is_large_enough()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        await MinimumBaselineAsync(client, 3);
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
        // Each batch that wrote to a baseline still short of the minimum counted it again after its commit, without error.
        Assert.DoesNotContain("Counting baselines again after a batch failed", fixture.Service.Log);
    }

    [Fact]
    public async Task A_post_taken_down_leaves_the_baseline_it_was_part_of()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        await MinimumBaselineAsync(client, 2);
        var viral = await RecordedPostAsync(client, workspace, "viral", 5000);
        // Each resolved before the next is sent, so each is in the baseline the next is scored against.
        await ResolvedAsync(client, viral.PublicationId);
        await ResolvedAsync(client, await PostAsync(client, workspace, "r1", 240));
        await ResolvedAsync(client, await PostAsync(client, workspace, "r2", 480));
        var third = await ResolvedAsync(client, await PostAsync(client, workspace, "r3", 720), s => s.GetProperty("baselinePosts").GetInt32() == 3);
        Assert.Equal(2.0 / 3, third.GetProperty("percentile").GetDouble(), 5);

        var removed = new PublicationRemoved(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, viral.PublicationId, viral.AssetId, "tiktok",
            "@jamal", DateTimeOffset.UtcNow, "taken down");
        await fixture.SendAsync(removed, removed.EventId);
        // The removal and the post's mark for resolution are stored together: once it shows and the post is not pending, it
        // has been resolved as removed.
        await MetricsWhenAsync(client, viral.PublicationId, b => b.GetProperty("post").GetProperty("removedAt").ValueKind == JsonValueKind.String
            && b.GetProperty("status").GetString() == "resolved", "the viral post resolved again once removed");

        // 960 likes against 240, 480 and 720 only: the top of the baseline, not below the removed 5000.
        var fourth = await ResolvedAsync(client, await PostAsync(client, workspace, "r4", 960), s => s.GetProperty("percentile").ValueKind == JsonValueKind.Number);
        Assert.Equal((3, 1.0), (fourth.GetProperty("baselinePosts").GetInt32(), fourth.GetProperty("percentile").GetDouble()));
    }

    /// <summary>
    /// The post's score once it has been resolved in its asset's format (the asset and the publication reach the service
    /// on different queues, and the post is resolved again when the asset arrives).
    /// </summary>
    private static async Task<JsonElement> ResolvedAsync(HttpClient client, Guid post, Func<JsonElement, bool>? ready = null) =>
        (await MetricsWhenAsync(client, post, b => b.GetProperty("post").GetProperty("format").GetString() == "reel"
            && b.GetProperty("status").GetString() == "resolved" && b.GetProperty("metrics").GetProperty("score") is var s
            && s.GetProperty("age").ValueKind == JsonValueKind.String && (ready ?? (_ => true))(s), "resolved as a reel"))
        .GetProperty("metrics").GetProperty("score");

    [Fact]
    public async Task A_post_waiting_for_a_baseline_an_instance_filled_before_it_stopped_is_scored_once_one_starts()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        await MinimumBaselineAsync(client, 2);
        var waiting = await PostAsync(client, workspace, "w1", 480);
        var alone = await ResolvedAsync(client, waiting);
        Assert.Contains("0 comparable", alone.GetProperty("reason").GetString());

        // What an instance wrote to the baseline before it stopped between committing and counting again: nothing woke the
        // waiting post, and no batch will write to its baseline again. The sweep does, first thing after a start.
        await TestDatabase.ExecuteAsync(fixture.Service.DatabaseConnectionString, $"""
            INSERT INTO baseline_values (workspace_id, platform, account, format, age, external_post_id, engagement)
            VALUES ('{workspace}', 'tiktok', '@jamal', 'reel', '24h', 'stopped-1', 240), ('{workspace}', 'tiktok', '@jamal', 'reel', '24h', 'stopped-2', 720)
            """);
        await fixture.Service.RestartAsync();

        var scored = await ScoreAsync(client, waiting, s => s.GetProperty("percentile").ValueKind == JsonValueKind.Number);
        Assert.Equal((2, 0.5), (scored.GetProperty("baselinePosts").GetInt32(), scored.GetProperty("percentile").GetDouble()));
    }
}
