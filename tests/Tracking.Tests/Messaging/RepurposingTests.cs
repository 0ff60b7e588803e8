using System.Net;
using System.Net.Http.Json;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Tracking.Tests.Messaging;

/// <summary>MetricsUpdated events feed tracking's performance copy; the repurposing finder ranks from it.</summary>
[Collection(TrackingCollection.Name)]
public sealed class RepurposingTests(TrackingFixture fixture) : IAsyncLifetime
{
    private readonly string _workspace = TestEnvironment.NewWorkspace();
    private IBusControl _bus = null!;
    private HttpClient Client => fixture.Service.CreateClient(_workspace);

    public async Task InitializeAsync()
    {
        _bus = await TestBus.StartAsync(fixture.Service.Messaging);
    }

    public Task DisposeAsync() => _bus.StopAsync();

    private async Task<(string Asset, string Publication)> PublishedAsync(string kind, string platform, string externalId)
    {
        var asset = (await (await Client.PostJsonAsync("/api/v1/assets", new { title = $"A {kind}", kind })).JsonAsync(HttpStatusCode.Created)).Id();
        var publication = (await (await Client.PostJsonAsync($"/api/v1/assets/{asset}/publications",
            new { platform, account = "@jamal", externalPostId = externalId, publishedAt = "2026-10-01T12:00:00Z" })).JsonAsync(HttpStatusCode.Created)).Id();
        return (asset, publication);
    }

    /// <summary>Sends metrics-ingestion's event for a post; returns its id, under which tracking's inbox records it once handled.</summary>
    private async Task<Guid> ScoreAsync(string platform, string externalId, double score, DateTimeOffset observedAt, double views = 1000)
    {
        var updated = new MetricsUpdated(Guid.NewGuid(), _workspace, DateTimeOffset.UtcNow, null, platform, "@jamal", externalId, observedAt,
            new Dictionary<string, double> { ["views"] = views, ["likes"] = views / 10 }, 0.1, "engagement / views", score);
        await _bus.Publish(updated, context => context.MessageId = updated.EventId);
        return updated.EventId;
    }

    private Task<bool> HandledAsync(Guid eventId) => TestDatabase.ScalarAsync<long>(fixture.Service.DatabaseConnectionString,
        "SELECT count(*) FROM inbox_messages WHERE message_id = $1", eventId.ToString()).ContinueWith(count => count.Result == 1);

    private async Task<List<string>> OpportunitiesAsync(string target)
    {
        var result = await (await Client.GetAsync($"/api/v1/repurposing/opportunities?targetPlatform={target}")).JsonAsync(HttpStatusCode.OK);
        return result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("asset").Id()).ToList();
    }

    [Fact]
    public async Task Ranks_strong_assets_never_live_on_the_target_and_skips_what_the_target_cannot_take()
    {
        var video = await PublishedAsync("video", "tiktok", "7000000000000000001");
        var strongerVideo = await PublishedAsync("video", "tiktok", "7000000000000000002");
        var weak = await PublishedAsync("video", "tiktok", "7000000000000000003");
        var text = await PublishedAsync("text", "x", "1900000000000000001");
        var alreadyOnYouTube = await PublishedAsync("video", "youtube", "dQw4w9WgXcQ");
        await ScoreAsync("tiktok", "7000000000000000001", 0.82, DateTimeOffset.UtcNow);
        await ScoreAsync("tiktok", "7000000000000000002", 0.97, DateTimeOffset.UtcNow);
        await ScoreAsync("tiktok", "7000000000000000003", 0.30, DateTimeOffset.UtcNow);
        await ScoreAsync("x", "1900000000000000001", 0.99, DateTimeOffset.UtcNow);
        await ScoreAsync("youtube", "dQw4w9WgXcQ", 0.99, DateTimeOffset.UtcNow);

        await HttpAssertions.EventuallyAsync(async () => (await OpportunitiesAsync("youtube")).Count == 2, "two opportunities for youtube");

        Assert.Equal([strongerVideo.Asset, video.Asset], await OpportunitiesAsync("youtube"));
        Assert.Contains(text.Asset, await OpportunitiesAsync("linkedin"));
        Assert.DoesNotContain(weak.Asset, await OpportunitiesAsync("linkedin"));
        Assert.DoesNotContain(alreadyOnYouTube.Asset, await OpportunitiesAsync("youtube"));
    }

    [Fact]
    public async Task An_older_reading_never_overwrites_a_newer_one_and_a_tombstone_keeps_the_last_numbers()
    {
        var (asset, publication) = await PublishedAsync("photo", "instagram", "C0ldP0st1");
        await ScoreAsync("instagram", "C0ldP0st1", 0.9, DateTimeOffset.UtcNow, views: 5000);
        await HttpAssertions.EventuallyAsync(async () => (await OpportunitiesAsync("pinterest")).Contains(asset), "scored");
        var older = await ScoreAsync("instagram", "C0ldP0st1", 0.1, DateTimeOffset.UtcNow.AddDays(-1), views: 10);
        await HttpAssertions.EventuallyAsync(() => HandledAsync(older), "the older reading handled");

        await Client.PostAsJsonAsync($"/api/v1/publications/{publication}/removal", new { reason = "archived by owner" });
        var history = await (await Client.GetAsync($"/api/v1/assets/{asset}/history")).JsonAsync(HttpStatusCode.OK);

        Assert.Contains(asset, await OpportunitiesAsync("pinterest"));
        var removed = history.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "removed");
        Assert.Equal(5000, removed.GetProperty("lastKnownMetrics").GetProperty("views").GetDouble());
    }

    [Fact]
    public async Task An_unknown_target_platform_is_a_validation_problem()
    {
        await (await Client.GetAsync("/api/v1/repurposing/opportunities?targetPlatform=myspace")).ProblemAsync(HttpStatusCode.BadRequest);
    }
}
