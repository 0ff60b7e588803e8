using System.Net;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests.Messaging;

/// <summary>The projection is fed by real MassTransit messages over the test broker, as tracking sends them.</summary>
public sealed class PublicationProjectionTests : IAsyncLifetime
{
    private ServiceHost _analytics = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        _analytics = await ServiceHost.StartAsync("analytics", "services/Analytics/CreatorMeta.Analytics.csproj");
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(_analytics.Messaging), host =>
        {
            host.Username("guest");
            host.Password("guest");
        }));
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _analytics.DisposeAsync();
    }

    private static PublicationRecorded Recorded(string workspace, string platform, string? reason = null) => new(
        Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), platform, "@jamal", "p1",
        null, DateTimeOffset.UtcNow.AddHours(-1), "manual", ["sunset"], reason);

    [Fact]
    public async Task A_redelivered_event_is_counted_once()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var recorded = Recorded(workspace, "instagram");

        await _bus.Publish(recorded, context => context.MessageId = recorded.EventId);
        await _bus.Publish(recorded, context => context.MessageId = recorded.EventId);
        await _bus.Publish(Recorded(workspace, "tiktok", "re-cut for vertical"));

        var client = _analytics.CreateClient(workspace);
        await HttpAssertions.EventuallyAsync(async () => (await PlatformsAsync(client)).Count == 2, "both platforms projected");
        // A later event: once it is projected, the redelivery sent before it has been handled too.
        await _bus.Publish(Recorded(workspace, "youtube"));
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
        await _bus.Publish(recorded, context => context.MessageId = recorded.EventId);
        await HttpAssertions.EventuallyAsync(async () =>
            (await PlatformsAsync(_analytics.CreateClient(recorded.WorkspaceId))).Count == 1, "the other workspace's publication projected");

        Assert.Empty(await PlatformsAsync(_analytics.CreateClient(mine)));
    }

    private static async Task<Dictionary<string, System.Text.Json.JsonElement>> PlatformsAsync(HttpClient client)
    {
        var comparison = await (await client.GetAsync("/api/v1/analytics/platforms")).JsonAsync(HttpStatusCode.OK);
        return comparison.GetProperty("platforms").EnumerateArray().ToDictionary(p => p.GetProperty("platform").GetString()!);
    }
}
