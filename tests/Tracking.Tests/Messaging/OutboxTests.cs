using System.Net;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using Xunit;

namespace CreatorMeta.Tracking.Tests.Messaging;

[Collection(TrackingCollection.Name)]
public sealed class OutboxTests(TrackingFixture fixture)
{
    [Fact]
    public async Task A_recorded_publication_is_published_once_with_its_event_id_as_message_id()
    {
        await using var probe = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        await probe.WatchEventAsync<PublicationRecorded>();
        var http = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());
        var asset = await (await http.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var publication = await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication()))
            .JsonAsync(HttpStatusCode.Created);
        // The outbox publishes in order, so once a later event is on the queue, a second copy of the first would be too.
        var later = await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(platform: "youtube")))
            .JsonAsync(HttpStatusCode.Created);

        var received = await probe.ReceiveUntilAsync(m => m.GetProperty("publicationId").GetString() == later.Id(), TimeSpan.FromSeconds(30));

        var envelope = Assert.Single(received, e => e.GetProperty("message").GetProperty("publicationId").GetString() == publication.Id());
        Assert.Equal(asset.Id(), envelope.GetProperty("message").GetProperty("assetId").GetString());
        Assert.Equal(envelope.GetProperty("message").GetProperty("eventId").GetString(), envelope.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Events_carry_what_analytics_reads_an_accounts_zone_an_assets_duration_language_and_attributes_and_the_caption()
    {
        await using var accounts = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        await accounts.WatchEventAsync<AccountRegistered>();
        await using var assets = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        await assets.WatchEventAsync<AssetRegistered>();
        await using var publications = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        await publications.WatchEventAsync<PublicationRecorded>();
        var workspace = TestEnvironment.NewWorkspace();
        var http = fixture.Service.CreateClient(workspace);

        await (await http.PostJsonAsync("/api/v1/accounts", new { platform = "instagram", handle = "@jamal", timeZone = "Europe/Berlin" }))
            .JsonAsync(HttpStatusCode.Created);
        var asset = await (await http.PostJsonAsync("/api/v1/assets", new
        {
            title = "Pier", kind = "video", durationSeconds = 42.5, language = "en", attributes = new Dictionary<string, string> { ["mood"] = "calm" },
        })).JsonAsync(HttpStatusCode.Created);
        await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication())).JsonAsync(HttpStatusCode.Created);

        bool Mine(System.Text.Json.JsonElement m) => m.GetProperty("workspaceId").GetString() == workspace;
        var account = Assert.Single(await accounts.ReceiveAsync(Mine, 1, TimeSpan.FromSeconds(30))).GetProperty("message");
        Assert.Equal(("instagram", "@jamal", "Europe/Berlin"), (account.GetProperty("platform").GetString(), account.GetProperty("handle").GetString(),
            account.GetProperty("timeZone").GetString()));
        var registered = Assert.Single(await assets.ReceiveAsync(Mine, 1, TimeSpan.FromSeconds(30))).GetProperty("message");
        Assert.Equal((42.5, "en", "calm"), (registered.GetProperty("durationSeconds").GetDouble(), registered.GetProperty("language").GetString(),
            registered.GetProperty("attributes").GetProperty("mood").GetString()));
        var recorded = Assert.Single(await publications.ReceiveAsync(Mine, 1, TimeSpan.FromSeconds(30))).GetProperty("message");
        Assert.Equal("golden hour", recorded.GetProperty("caption").GetString());
    }

    [Fact]
    public async Task A_broker_outage_delays_events_but_every_one_arrives_exactly_once()
    {
        var state = Directory.CreateTempSubdirectory("creatormeta-outbox-test-").FullName;
        var broker = new RabbitMQServerResource("messaging", state, null);
        var brokerLog = new ResourceLogger("messaging", 0, _ => { });
        await broker.StartAsync(brokerLog, CancellationToken.None);
        await broker.WaitUntilHealthyAsync(CancellationToken.None);
        try
        {
            await using var tracking = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj", messaging: broker.ConnectionString);
            await using var analytics = await ServiceHost.StartAsync("analytics", "services/Analytics/CreatorMeta.Analytics.csproj", messaging: broker.ConnectionString);
            var workspace = TestEnvironment.NewWorkspace();
            var http = tracking.CreateClient(workspace);
            var facts = analytics.CreateClient(workspace);
            var asset = await (await http.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
            await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: "@before"))).JsonAsync(HttpStatusCode.Created);
            await HttpAssertions.EventuallyAsync(async () => await PublicationsSeenAsync(facts) == 1, "analytics saw the first publication");

            await broker.StopAsync();
            for (var i = 0; i < 5; i++)
                await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: $"@during{i}")))
                    .JsonAsync(HttpStatusCode.Created);
            Assert.Equal(5, await PendingOutboxAsync(tracking));
            await broker.StartAsync(brokerLog, CancellationToken.None);
            await broker.WaitUntilHealthyAsync(CancellationToken.None);

            await HttpAssertions.EventuallyAsync(async () => await PendingOutboxAsync(tracking) == 0, "the outbox drained", seconds: 60);
            await HttpAssertions.EventuallyAsync(async () => await PublicationsSeenAsync(facts) == 6, "analytics saw every publication", seconds: 30);
            // One more, on another platform: once analytics has it, any second copy of the six sent before it has arrived too.
            await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(platform: "youtube"))).JsonAsync(HttpStatusCode.Created);
            await HttpAssertions.EventuallyAsync(async () => await PublicationsSeenAsync(facts, "youtube") == 1, "analytics saw the later publication");
            Assert.Equal(6, await PublicationsSeenAsync(facts, "instagram"));
        }
        finally
        {
            await broker.StopAsync();
            Directory.Delete(state, recursive: true);
        }
    }

    private static Task<long> PendingOutboxAsync(ServiceHost tracking) =>
        TestDatabase.ScalarAsync<long>(tracking.DatabaseConnectionString, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL");

    private static async Task<int> PublicationsSeenAsync(HttpClient analytics, string? platform = null)
    {
        var comparison = await (await analytics.GetAsync("/api/v1/analytics/platforms")).JsonAsync(HttpStatusCode.OK);
        return comparison.GetProperty("platforms").EnumerateArray()
            .Where(p => platform is null || p.GetProperty("platform").GetString() == platform).Sum(p => p.GetProperty("publications").GetInt32());
    }
}
