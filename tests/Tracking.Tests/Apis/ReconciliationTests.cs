using System.Net;
using System.Net.Http.Json;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Apis;

/// <summary>Posts edited or taken down on the platform: versions, tombstones and the asset's whole history.</summary>
[Collection(TrackingCollection.Name)]
public sealed class ReconciliationTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    private async Task<(string Asset, string Publication)> PublishedAsync()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var publication = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication())).JsonAsync(HttpStatusCode.Created);
        return (asset.Id(), publication.Id());
    }

    [Fact]
    public async Task An_edit_makes_a_new_version_and_an_identical_one_does_not()
    {
        var (_, publication) = await PublishedAsync();

        var edited = await (await _client.PatchAsJsonAsync($"/api/v1/publications/{publication}",
            new { caption = "golden hour, take two", hashtags = new[] { "#sunset", "#pier" }, editedAt = "2026-11-03T09:00:00Z" })).JsonAsync(HttpStatusCode.OK);
        var same = await (await _client.PatchAsJsonAsync($"/api/v1/publications/{publication}",
            new { caption = "golden hour, take two", hashtags = new[] { "sunset", "pier" } })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        Assert.Equal(2, same.GetProperty("version").GetInt32());
        Assert.Equal(["sunset", "pier"], edited.GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task A_removed_post_is_a_tombstone_that_no_longer_blocks_the_account_once_the_cooldown_passed()
    {
        var asset = (await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created)).Id();
        var publication = (await (await _client.PostJsonAsync($"/api/v1/assets/{asset}/publications", Requests.Publication(publishedAt: Requests.LongAgo)))
            .JsonAsync(HttpStatusCode.Created)).Id();

        var removed = await (await _client.PostAsJsonAsync($"/api/v1/publications/{publication}/removal",
            new { reason = "copyright claim" })).JsonAsync(HttpStatusCode.OK);
        var editAfter = await (await _client.PatchAsJsonAsync($"/api/v1/publications/{publication}", new { caption = "too late" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var again = await _client.PostJsonAsync($"/api/v1/assets/{asset}/publications", Requests.Publication());

        Assert.Equal("removed", removed.GetProperty("status").GetString());
        Assert.EndsWith("/publication-removed", editAfter.GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task The_history_lists_registration_publication_edits_and_removal_in_order()
    {
        var (asset, publication) = await PublishedAsync();
        await _client.PatchAsJsonAsync($"/api/v1/publications/{publication}", new { caption = "v2", editedAt = "2026-11-03T09:00:00Z" });
        await _client.PostAsJsonAsync($"/api/v1/publications/{publication}/removal", new { removedAt = "2026-11-04T09:00:00Z", reason = "gone" });

        var history = await (await _client.GetAsync($"/api/v1/assets/{asset}/history")).JsonAsync(HttpStatusCode.OK);

        var items = history.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["published", "edited", "removed", "registered"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal("golden hour", items[0].GetProperty("caption").GetString());
        Assert.Equal("v2", items[1].GetProperty("caption").GetString());
        Assert.Equal("gone", items[2].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Edits_and_removals_are_published_as_events()
    {
        await using var edits = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        await edits.WatchEventAsync<PublicationEdited>();
        await using var removals = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        await removals.WatchEventAsync<PublicationRemoved>();
        var (_, publication) = await PublishedAsync();

        await _client.PatchAsJsonAsync($"/api/v1/publications/{publication}", new { caption = "v2" });
        await _client.PostAsJsonAsync($"/api/v1/publications/{publication}/removal", new { reason = "gone" });

        var edited = Assert.Single(await edits.ReceiveAsync(m => m.GetProperty("publicationId").GetString() == publication, 1, TimeSpan.FromSeconds(30)));
        var removed = Assert.Single(await removals.ReceiveAsync(m => m.GetProperty("publicationId").GetString() == publication, 1, TimeSpan.FromSeconds(30)));
        Assert.Equal(2, edited.GetProperty("message").GetProperty("version").GetInt32());
        Assert.Equal("gone", removed.GetProperty("message").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Unknown_or_foreign_publications_are_not_found()
    {
        var (_, publication) = await PublishedAsync();
        var stranger = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

        await (await stranger.PatchAsJsonAsync($"/api/v1/publications/{publication}", new { caption = "hijack" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/v1/publications/{publication}/removal", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/api/v1/publications/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
