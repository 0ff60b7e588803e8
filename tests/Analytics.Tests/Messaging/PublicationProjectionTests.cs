using System.Net;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests.Messaging;

/// <summary>The projection is fed by real MassTransit messages over the test broker, as tracking sends them.</summary>
public sealed class PublicationProjectionTests : AnalyticsHost
{
    private static PublicationRecorded Recorded(string workspace, string platform, string? reason = null) => new(
        Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), platform, "@jamal", "p1",
        null, DateTimeOffset.UtcNow.AddHours(-1), "manual", ["sunset"], reason);

    private static PublicationEdited Edited(PublicationRecorded p, int version, params string[] hashtags) => new(
        Guid.NewGuid(), p.WorkspaceId, DateTimeOffset.UtcNow, p.PublicationId, p.AssetId, p.Platform, p.Account, version, "edited", hashtags);

    private static PublicationRemoved Removed(PublicationRecorded p) => new(
        Guid.NewGuid(), p.WorkspaceId, DateTimeOffset.UtcNow, p.PublicationId, p.AssetId, p.Platform, p.Account, DateTimeOffset.UtcNow, "taken down");

    private Task PublishAsync<T>(T message, Guid eventId) where T : class =>
        Events.Publish(message, context => context.MessageId = eventId);

    [Fact]
    public async Task A_redelivered_event_is_counted_once()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var recorded = Recorded(workspace, "instagram");

        await Events.Publish(recorded, context => context.MessageId = recorded.EventId);
        await Events.Publish(recorded, context => context.MessageId = recorded.EventId);
        await Events.Publish(Recorded(workspace, "tiktok", "re-cut for vertical"));

        var client = Service.CreateClient(workspace);
        await HttpAssertions.EventuallyAsync(async () => (await PlatformsAsync(client)).Count == 2, "both platforms projected");
        // A later event: once it is projected, the redelivery sent before it has been handled too.
        await Events.Publish(Recorded(workspace, "youtube"));
        await HttpAssertions.EventuallyAsync(async () => (await PlatformsAsync(client)).ContainsKey("youtube"), "the later event projected");
        var platforms = await PlatformsAsync(client);
        Assert.Equal(1, platforms["instagram"].GetProperty("publications").GetInt32());
        Assert.Equal(1, platforms["tiktok"].GetProperty("repurposes").GetInt32());
    }

    [Fact]
    public async Task One_workspaces_publications_never_show_in_another()
    {
        var mine = TestEnvironment.NewWorkspace();
        var recorded = Recorded(TestEnvironment.NewWorkspace(), "youtube");
        await Events.Publish(recorded, context => context.MessageId = recorded.EventId);
        await HttpAssertions.EventuallyAsync(async () =>
            (await PlatformsAsync(Service.CreateClient(recorded.WorkspaceId))).Count == 1, "the other workspace's publication projected");

        Assert.Empty(await PlatformsAsync(Service.CreateClient(mine)));
    }

    [Fact]
    public async Task A_removed_post_counts_as_removed_not_live_even_when_the_removal_arrives_first()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = Service.CreateClient(workspace);
        var early = Recorded(workspace, "instagram");
        var earlyRemoval = Removed(early);

        await PublishAsync(earlyRemoval, earlyRemoval.EventId);
        await HttpAssertions.EventuallyAsync(() => AppliedAsync(earlyRemoval.EventId), "the removal applied before any recording");
        await PublishAsync(early, early.EventId);
        await HttpAssertions.EventuallyAsync(async () => (await PlatformsAsync(client)).ContainsKey("instagram"), "the late recording projected");
        var afterEarly = (await PlatformsAsync(client))["instagram"];
        Assert.Equal((0, 1), (afterEarly.GetProperty("publications").GetInt32(), afterEarly.GetProperty("removed").GetInt32()));

        var normal = Recorded(workspace, "instagram");
        await PublishAsync(normal, normal.EventId);
        await HttpAssertions.EventuallyAsync(async () => (await PlatformsAsync(client))["instagram"].GetProperty("publications").GetInt32() == 1,
            "the second recording projected as live");
        var normalRemoval = Removed(normal);
        await PublishAsync(normalRemoval, normalRemoval.EventId);
        await HttpAssertions.EventuallyAsync(async () => (await PlatformsAsync(client))["instagram"].GetProperty("removed").GetInt32() == 2,
            "the normal removal projected");

        var instagram = (await PlatformsAsync(client))["instagram"];
        Assert.Equal(0, instagram.GetProperty("publications").GetInt32());
        Assert.Equal(0, instagram.GetProperty("assets").GetInt32());
    }

    [Fact]
    public async Task The_newest_edit_stands_through_its_redelivery_a_stale_edit_and_the_late_recording()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var recorded = Recorded(workspace, "tiktok");
        var newer = Edited(recorded, 3, "sunset", "pier", "goldenhour");
        var stale = Edited(recorded, 2, "sunset", "pier");

        // Redelivered too: the copy is dropped by the inbox, and were it applied again it would change nothing.
        await PublishAsync(newer, newer.EventId);
        await PublishAsync(newer, newer.EventId);
        await HttpAssertions.EventuallyAsync(() => AppliedAsync(newer.EventId), "the edit applied before the recording");
        await PublishAsync(recorded, recorded.EventId);
        await PublishAsync(stale, stale.EventId);
        await HttpAssertions.EventuallyAsync(async () => await AppliedAsync(recorded.EventId) && await AppliedAsync(stale.EventId),
            "the recording and the stale edit applied");

        Assert.Equal((3, 3), (await FactAsync<int>("hashtag_count", recorded), await FactAsync<int>("version", recorded)));
        var tiktok = (await PlatformsAsync(Service.CreateClient(workspace)))["tiktok"];
        Assert.Equal(1, tiktok.GetProperty("publications").GetInt32());
    }

    private Task<bool> AppliedAsync(Guid eventId) => TestDatabase.ScalarAsync<long>(Service.DatabaseConnectionString,
        "SELECT count(*) FROM inbox_messages WHERE message_id = $1", eventId.ToString()).ContinueWith(count => count.Result == 1);

    private Task<T> FactAsync<T>(string column, PublicationRecorded publication) => TestDatabase.ScalarAsync<T>(
        Service.DatabaseConnectionString, $"SELECT {column} FROM publication_facts WHERE publication_id = $1", publication.PublicationId);

    private static async Task<Dictionary<string, System.Text.Json.JsonElement>> PlatformsAsync(HttpClient client)
    {
        var comparison = await (await client.GetAsync("/api/v1/analytics/platforms")).JsonAsync(HttpStatusCode.OK);
        return comparison.GetProperty("platforms").EnumerateArray().ToDictionary(p => p.GetProperty("platform").GetString()!);
    }
}
