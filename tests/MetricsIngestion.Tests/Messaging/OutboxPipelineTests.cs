using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Testing;
using static CreatorMeta.MetricsIngestion.Tests.MetricsFixture;

namespace CreatorMeta.MetricsIngestion.Tests.Messaging;

/// <summary>
/// The service as it ships publishes a window of outbox rows at once (other tests run it one at a time, in order):
/// every event still arrives once, with its event id as the message id, and every row is marked published.
/// </summary>
public sealed class OutboxPipelineTests
{
    [Fact]
    public async Task With_a_window_of_publishes_in_flight_every_post_gets_exactly_one_MetricsUpdated()
    {
        await using var service = await ServiceHost.StartAsync("metrics-ingestion", "services/MetricsIngestion/CreatorMeta.MetricsIngestion.csproj",
            project => project.Environment.Remove("Messaging__PublishConcurrency"));
        await using var broker = await BrokerProbe.ConnectAsync(service.Messaging);
        await broker.WatchEventAsync<MetricsUpdated>();
        var workspace = TestEnvironment.NewWorkspace();
        var observedAt = DateTimeOffset.UtcNow.AddHours(-1);
        var posts = Enumerable.Range(0, 300).Select(i => $"window-{i}").ToList();

        await UploadAsync(service.CreateClient(workspace),
            [.. posts.Select(post => Observation("tiktok", post, observedAt, "api", new { like_count = 10, view_count = 100 }))]);

        await HttpAssertions.EventuallyAsync(async () => await TestDatabase.ScalarAsync<long>(service.DatabaseConnectionString,
            "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NOT NULL") == posts.Count, "every post's event published", seconds: 90);

        // Each row was marked only once the broker had it on the queue: everything sent is there now, a copy included.
        var received = await broker.DrainAsync();
        Assert.Equal(posts.Order(), received.Select(e => e.GetProperty("message").GetProperty("externalPostId").GetString()!).Order());
        Assert.All(received, e => Assert.Equal(e.GetProperty("message").GetProperty("eventId").GetString(), e.GetProperty("messageId").GetString()));
        Assert.Equal(0, await TestDatabase.ScalarAsync<long>(service.DatabaseConnectionString, "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL"));
    }
}
