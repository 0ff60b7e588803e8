using System.Net;
using System.Net.Http.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Apis;

/// <summary>Near-duplicate pictures and per-platform cooldowns, beyond the exact-asset and exact-hash cases.</summary>
[Collection(TrackingCollection.Name)]
public sealed class DuplicateGuardTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    private async Task<string> AssetAsync(string perceptualHash) =>
        (await (await _client.PostJsonAsync("/api/v1/assets", new { title = "Pier", kind = "photo", perceptualHash })).JsonAsync(HttpStatusCode.Created)).Id();

    [Fact]
    public async Task A_near_duplicate_picture_on_the_same_account_is_refused_and_a_different_one_is_not()
    {
        var original = await AssetAsync("f0e1d2c3b4a59687");
        var recropped = await AssetAsync("f0e1d2c3b4a59680"); // three bits apart
        var unrelated = await AssetAsync("0f1e2d3c4b5a6978");
        await (await _client.PostJsonAsync($"/api/v1/assets/{original}/publications", Requests.Publication())).JsonAsync(HttpStatusCode.Created);

        var refused = await (await _client.PostJsonAsync($"/api/v1/assets/{recropped}/publications", Requests.Publication())).ProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PostJsonAsync($"/api/v1/assets/{unrelated}/publications", Requests.Publication())).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("same-content-published", refused.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_picture_six_bits_away_spread_over_six_bands_is_still_found()
    {
        var original = await AssetAsync("f0e1d2c3b4a59687");
        var edited = await AssetAsync("f1e0d3c2b5a49687"); // one bit flipped in each of the first six bytes
        await (await _client.PostJsonAsync($"/api/v1/assets/{original}/publications", Requests.Publication(platform: "pinterest"))).JsonAsync(HttpStatusCode.Created);

        var refused = await (await _client.PostJsonAsync($"/api/v1/assets/{edited}/publications", Requests.Publication(platform: "pinterest")))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("same-content-published", refused.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_post_removed_within_the_platforms_cooldown_still_blocks_the_account()
    {
        var asset = (await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created)).Id();
        var recent = (await (await _client.PostJsonAsync($"/api/v1/assets/{asset}/publications",
            Requests.Publication(platform: "tiktok", publishedAt: DateTimeOffset.UtcNow.AddDays(-3).ToString("O")))).JsonAsync(HttpStatusCode.Created)).Id();
        await (await _client.PostAsJsonAsync($"/api/v1/publications/{recent}/removal", new { reason = "reposting with better audio" })).JsonAsync(HttpStatusCode.OK);

        var refused = await (await _client.PostJsonAsync($"/api/v1/assets/{asset}/publications", Requests.Publication(platform: "tiktok")))
            .ProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PostJsonAsync($"/api/v1/assets/{asset}/publications", Requests.Publication(platform: "tiktok", reason: "audio fixed")))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal("cooldown", refused.GetProperty("reason").GetString());
    }
}
