using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.MetricsIngestion.Tests.Messaging;

/// <summary>
/// A connector in any language publishes plain JSON (no MassTransit envelope) to the topic exchange
/// "creatormeta.connectors" with routing key "engagement.observed"; this test is such a connector.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class ConnectorJsonTests(MetricsFixture fixture)
{
    private static string Observation(string workspace, string? sourceEventId) => JsonSerializer.Serialize(new
    {
        workspaceId = workspace,
        platform = "tiktok",
        account = "@jamal",
        externalPostId = "7301234567890123456",
        observedAt = "2026-11-20T10:00:00Z",
        source = "api",
        sourceEventId,
        metrics = new Dictionary<string, object> { ["play_count"] = 541200, ["digg_count"] = "12.3K", ["share_count"] = 87 },
    });

    [Fact]
    public async Task A_raw_json_observation_is_stored_once_however_often_it_is_delivered()
    {
        var workspace = TestEnvironment.NewWorkspace();
        await using var connector = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);

        for (var i = 0; i < 3; i++)
            await connector.PublishRawJsonAsync("creatormeta.connectors", "engagement.observed", Observation(workspace, "poll-42"));
        await connector.PublishRawJsonAsync("creatormeta.connectors", "engagement.observed", Observation(workspace, "poll-43"));

        await HttpAssertions.EventuallyAsync(async () => await fixture.StoredAsync(workspace) == 2, "both observations stored");

        // A later message, handled after every redelivery before it was taken from the queue.
        await connector.PublishRawJsonAsync("creatormeta.connectors", "engagement.observed", Observation(workspace, "poll-44"));
        await HttpAssertions.EventuallyAsync(async () => await fixture.StoredAsync(workspace) >= 3, "the later observation stored");
        Assert.Equal(3, await fixture.StoredAsync(workspace));
    }

    [Fact]
    public async Task An_invalid_observation_is_parked_in_the_error_queue_not_lost_and_not_stored()
    {
        var workspace = TestEnvironment.NewWorkspace();
        await using var connector = await BrokerProbe.ConnectAsync(fixture.Service.Messaging);
        var parkedBefore = await connector.MessageCountAsync("metrics-ingestion-engagement-observed_error");

        await connector.PublishRawJsonAsync("creatormeta.connectors", "engagement.observed", Observation(workspace, sourceEventId: null));

        await HttpAssertions.EventuallyAsync(async () =>
            await connector.MessageCountAsync("metrics-ingestion-engagement-observed_error") == parkedBefore + 1, "the message parked");
        Assert.Equal(0, await fixture.StoredAsync(workspace));
    }
}
