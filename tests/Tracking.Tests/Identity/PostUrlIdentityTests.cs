using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Identity;

/// <summary>A post recorded by hand with only its URL is the same post an import or a connector reports later.</summary>
[Collection(TrackingCollection.Name)]
public sealed class PostUrlIdentityTests(TrackingFixture fixture)
{
    private readonly string _workspace = TestEnvironment.NewWorkspace();
    private HttpClient Client => fixture.Service.CreateClient(_workspace);

    private async Task<JsonElement> RecordByUrlAsync(string url, string platform = "instagram")
    {
        var asset = await (await Client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        return await (await Client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            new { platform, account = "@jamal", postUrl = url, publishedAt = "2026-10-01T12:00:00Z" })).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_url_recorded_by_hand_is_canonicalized_and_a_later_import_finds_it()
    {
        var recorded = await RecordByUrlAsync("https://instagram.com/reel/DAbc123xyz/?igsh=MWZ2&utm_source=ig_web_copy_link");

        var imported = await (await Client.PostJsonAsync("/api/v1/publications/import", new
        {
            rows = new[] { new { url = "https://www.instagram.com/p/DAbc123xyz/", account = "@jamal", publishedAt = "2026-10-01T12:00:00Z" } },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("DAbc123xyz", recorded.GetProperty("externalPostId").GetString());
        Assert.Equal("https://www.instagram.com/p/DAbc123xyz/", recorded.GetProperty("postUrl").GetString());
        var row = imported.GetProperty("results")[0];
        Assert.Equal("existing", row.GetProperty("status").GetString());
        Assert.Equal(recorded.Id(), row.GetProperty("publicationId").GetString());
    }

    [Fact]
    public async Task A_connector_reporting_a_post_recorded_by_hand_adds_no_second_publication()
    {
        var recorded = await RecordByUrlAsync("https://youtu.be/dQw4w9WgXcQ?si=share", "youtube");
        await using var connector = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);

        await connector.PublishRawJsonAsync("creatormeta.connectors", "post.observed", JsonSerializer.Serialize(new
        {
            workspaceId = _workspace, url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ", account = "@jamal", publishedAt = "2026-10-01T12:00:00Z",
        }));
        // A second, new post sent after it: once it is in, the first report has been handled too.
        await connector.PublishRawJsonAsync("creatormeta.connectors", "post.observed", JsonSerializer.Serialize(new
        {
            workspaceId = _workspace, url = "https://www.youtube.com/watch?v=9bZkp7q19f0", account = "@jamal", publishedAt = "2026-10-02T12:00:00Z",
        }));
        List<string?> posts = [];
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var assets = (await (await Client.GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK)).GetProperty("items");
            posts = assets.EnumerateArray().SelectMany(a => a.GetProperty("publications").EnumerateArray())
                .Select(p => p.GetProperty("externalPostId").GetString()).ToList();
            return posts.Contains("9bZkp7q19f0");
        }, "the later post imported");

        Assert.Equal(["9bZkp7q19f0", "dQw4w9WgXcQ"], posts.Order());
        Assert.Equal("dQw4w9WgXcQ", recorded.GetProperty("externalPostId").GetString());
    }

    [Fact]
    public async Task A_url_that_names_another_post_than_the_id_beside_it_is_refused()
    {
        var asset = await (await Client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);

        var problem = await (await Client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", new
        {
            platform = "tiktok", account = "@jamal", externalPostId = "7506832682593094928",
            postUrl = "https://www.instagram.com/p/C1a2b3/", publishedAt = "2026-10-01T12:00:00Z",
        })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("postUrl", out _));
        var read = await (await Client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(read.GetProperty("publications").EnumerateArray());
    }
}
