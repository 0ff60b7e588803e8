using System.Net;
using CreatorMeta.Testing;
using Xunit;

namespace CreatorMeta.Tracking.Tests.Apis;

[Collection(TrackingCollection.Name)]
public sealed class PublicationLedgerTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    [Fact]
    public async Task Registers_an_asset_and_shows_its_publications()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("draft", asset.GetProperty("status").GetString());

        var publication = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication()))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("2026-11-01T17:00:00+00:00", publication.GetProperty("publishedAt").GetString());
        Assert.Equal(["sunset", "travel"], publication.GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));

        var read = await (await _client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("published", read.GetProperty("status").GetString());
        Assert.Equal(publication.Id(), read.GetProperty("publications")[0].Id());
    }

    [Fact]
    public async Task Refuses_a_repeat_on_the_same_account_and_names_the_earlier_post()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var first = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication()))
            .JsonAsync(HttpStatusCode.Created);

        var problem = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication()))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.EndsWith("/duplicate-publication", problem.GetProperty("type").GetString());
        Assert.Equal(first.Id(), problem.GetProperty("earlierPublication").Id());
        var read = await (await _client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(read.GetProperty("publications").EnumerateArray());
    }

    [Fact]
    public async Task Allows_a_deliberate_repurpose_and_keeps_its_reason()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication());

        var again = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(reason: "anniversary repost")))
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal("anniversary repost", again.GetProperty("repurpose").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Refuses_another_asset_with_the_same_content_on_the_same_account()
    {
        var hash = Requests.NewHash();
        var original = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset(hash))).JsonAsync(HttpStatusCode.Created);
        var copy = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset(hash.ToUpperInvariant(), "Same photo, new title"))).JsonAsync(HttpStatusCode.Created);
        var first = await (await _client.PostJsonAsync($"/api/v1/assets/{original.Id()}/publications", Requests.Publication()))
            .JsonAsync(HttpStatusCode.Created);

        var problem = await (await _client.PostJsonAsync($"/api/v1/assets/{copy.Id()}/publications", Requests.Publication()))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(first.Id(), problem.GetProperty("earlierPublication").Id());
    }

    [Fact]
    public async Task Allows_the_same_asset_on_another_platform_or_account()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication())).JsonAsync(HttpStatusCode.Created);

        await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(platform: "tiktok")))
            .JsonAsync(HttpStatusCode.Created);
        await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: "@jamal_travels")))
            .JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Recording_the_same_platform_post_again_is_a_replay_and_cannot_move_to_another_asset()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var other = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var first = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(externalId: "C1a2b3")))
            .JsonAsync(HttpStatusCode.Created);

        var replay = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(externalId: "C1a2b3")))
            .JsonAsync(HttpStatusCode.OK);
        var elsewhere = await (await _client.PostJsonAsync($"/api/v1/assets/{other.Id()}/publications", Requests.Publication(account: "@other", externalId: "C1a2b3")))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(first.Id(), replay.Id());
        Assert.EndsWith("/external-post-recorded", elsewhere.GetProperty("type").GetString());
        var read = await (await _client.GetAsync($"/api/v1/assets/{other.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(read.GetProperty("publications").EnumerateArray());
    }

    [Fact]
    public async Task Lets_exactly_one_of_sixteen_simultaneous_publications_through()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var read = await (await _client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(read.GetProperty("publications").EnumerateArray());
    }

    [Fact]
    public async Task Simultaneous_publications_of_one_asset_on_different_platforms_all_reach_its_search_summary()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        string[] platforms = ["instagram", "tiktok", "youtube", "facebook", "x", "linkedin", "pinterest"];

        var responses = await Task.WhenAll(platforms.Select(platform =>
            _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(platform: platform, account: "@" + platform))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var platform in platforms)
        {
            var found = await (await _client.GetAsync($"/api/v1/assets?platform={platform}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal([asset.Id()], found.GetProperty("items").EnumerateArray().Select(a => a.Id()));
        }
    }

    [Fact]
    public async Task Lists_assets_newest_first_across_pages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset(title: $"Asset {i}"))).JsonAsync(HttpStatusCode.Created)).Id());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _client.GetAsync($"/api/v1/assets?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).JsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(ids), seen);
    }
}
