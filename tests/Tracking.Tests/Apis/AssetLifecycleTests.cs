using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Apis;

[Collection(TrackingCollection.Name)]
public sealed class AssetLifecycleTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    private async Task<string> NewAssetAsync() =>
        (await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created)).Id();

    private Task<HttpResponseMessage> PatchAsync(string id, object body) =>
        _client.PatchAsync($"/api/v1/assets/{id}", System.Net.Http.Json.JsonContent.Create(body, options: HttpAssertions.Json));

    [Fact]
    public async Task Registers_every_descriptive_field_and_changes_only_what_a_patch_sends()
    {
        var created = await (await _client.PostJsonAsync("/api/v1/assets", new
        {
            title = "Drone over the bay", description = "4K flyover", kind = "video", perceptualHash = "F0E1D2C3B4A59687",
            durationSeconds = 42.5, width = 3840, height = 2160, topics = new[] { "travel", "Travel", " drone " }, visualElements = new[] { "sea" },
            format = "Landscape", language = "en", attributes = new Dictionary<string, string> { ["camera"] = "mavic 3" },
        })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(["travel", "drone"], created.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("f0e1d2c3b4a59687", created.GetProperty("perceptualHash").GetString());

        var patched = await (await PatchAsync(created.Id(), new { title = "Drone over the bay at dawn", description = "" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Drone over the bay at dawn", patched.GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, patched.GetProperty("description").ValueKind);
        Assert.Equal(42.5, patched.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("mavic 3", patched.GetProperty("attributes").GetProperty("camera").GetString());
        Assert.Equal("landscape", patched.GetProperty("format").GetString());
    }

    [Fact]
    public async Task Moves_through_the_lifecycle_and_refuses_moves_it_does_not_allow()
    {
        var id = await NewAssetAsync();

        await (await PatchAsync(id, new { status = "approved" })).JsonAsync(HttpStatusCode.OK);
        var skip = await (await PatchAsync(id, new { status = "published" })).ProblemAsync(HttpStatusCode.Conflict);
        await (await PatchAsync(id, new { status = "archived" })).JsonAsync(HttpStatusCode.OK);
        var archivedPublish = await (await _client.PostJsonAsync($"/api/v1/assets/{id}/publications", Requests.Publication())).ProblemAsync(HttpStatusCode.Conflict);
        var restored = await (await PatchAsync(id, new { status = "draft" })).JsonAsync(HttpStatusCode.OK);

        Assert.EndsWith("/lifecycle-violation", skip.GetProperty("type").GetString());
        Assert.EndsWith("/asset-archived", archivedPublish.GetProperty("type").GetString());
        Assert.Equal("draft", restored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_published_asset_is_archived_and_restored_as_published()
    {
        var id = await NewAssetAsync();
        await (await _client.PostJsonAsync($"/api/v1/assets/{id}/publications", Requests.Publication())).JsonAsync(HttpStatusCode.Created);

        await (await PatchAsync(id, new { status = "archived" })).JsonAsync(HttpStatusCode.OK);
        await (await PatchAsync(id, new { status = "draft" })).ProblemAsync(HttpStatusCode.Conflict);
        var restored = await (await PatchAsync(id, new { status = "published" })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("published", restored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invalid_patch_changes_nothing()
    {
        var id = await NewAssetAsync();

        var problem = await (await PatchAsync(id, new { title = "New title", kind = "hologram", perceptualHash = "xyz", status = "gone" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["kind", "perceptualHash", "status"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var read = await (await _client.GetAsync($"/api/v1/assets/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Sunset at the pier", read.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_workspace_cannot_patch_an_asset()
    {
        var id = await NewAssetAsync();

        await (await fixture.Service.CreateClient(TestEnvironment.NewWorkspace()).PatchAsync($"/api/v1/assets/{id}",
            System.Net.Http.Json.JsonContent.Create(new { title = "mine now" }))).ProblemAsync(HttpStatusCode.NotFound);
    }
}
