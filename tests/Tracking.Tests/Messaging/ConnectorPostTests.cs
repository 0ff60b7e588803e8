using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Messaging;

/// <summary>Connectors in any language report posts they see, and posts that are gone, as plain JSON.</summary>
[Collection(TrackingCollection.Name)]
public sealed class ConnectorPostTests(TrackingFixture fixture)
{
    [Fact]
    public async Task A_post_seen_by_a_connector_is_imported_and_a_post_gone_becomes_a_tombstone()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        await using var connector = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);

        await connector.PublishRawJsonAsync("creatormeta.connectors", "post.observed", JsonSerializer.Serialize(new
        {
            workspaceId = workspace, url = "https://www.instagram.com/reel/C9zYxW1/", account = "@jamal", publishedAt = "2026-10-02T08:00:00Z",
            caption = "behind the scenes",
        }));
        JsonElement publication = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var items = (await (await client.GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK)).GetProperty("items");
            if (items.GetArrayLength() == 0)
                return false;
            publication = items[0].GetProperty("publications")[0];
            return true;
        }, "the observed post imported");
        Assert.Equal("C9zYxW1", publication.GetProperty("externalPostId").GetString());

        await connector.PublishRawJsonAsync("creatormeta.connectors", "post.removed", JsonSerializer.Serialize(new
        {
            workspaceId = workspace, platform = "instagram", externalPostId = "C9zYxW1", removedAt = "2026-11-01T00:00:00Z", reason = "deleted by owner",
        }));

        await HttpAssertions.EventuallyAsync(async () =>
            (await (await client.GetAsync($"/api/v1/publications/{publication.Id()}")).JsonAsync(HttpStatusCode.OK))
                .GetProperty("status").GetString() == "removed", "the publication tombstoned");
    }
}
