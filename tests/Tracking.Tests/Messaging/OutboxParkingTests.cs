using System.Net;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using Xunit;

namespace CreatorMeta.Tracking.Tests.Messaging;

/// <summary>
/// Outbox rows that can never become a message, as an older or newer version of the service might leave them: they
/// are parked after a bounded number of attempts and never hold up the events behind them. A service of its own,
/// since parked rows make its readiness Degraded.
/// </summary>
public sealed class OutboxParkingTests : IAsyncLifetime
{
    private const int ParkAfterAttempts = 80;
    private ServiceHost _tracking = null!;

    // With next to no backoff a poison row is due again in every round, ahead of everything else, for its 80 attempts
    // (about 20 s of idle rounds): were a row that cannot be read to stop the round, nothing behind it would go out.
    public async Task InitializeAsync() =>
        _tracking = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj", project =>
        {
            project.Environment["Messaging__ParkAfterAttempts"] = ParkAfterAttempts.ToString();
            project.Environment["Messaging__RetryDelay"] = "00:00:00.001";
            project.Environment["Messaging__MaxRetryDelay"] = "00:00:00.001";
        });

    public async Task DisposeAsync() => await _tracking.DisposeAsync();

    [Fact]
    public async Task A_poison_message_is_parked_and_does_not_hold_up_the_rest()
    {
        await using var probe = await BrokerProbe.ConnectAsync(_tracking.Messaging);
        await probe.WatchEventAsync<PublicationRecorded>();
        var typeGone = Guid.NewGuid();
        var bodyUnreadable = Guid.NewGuid();
        // Both an hour old, so they come first in publication order.
        await TestDatabase.ExecuteAsync(_tracking.DatabaseConnectionString, $"""
            INSERT INTO outbox_messages (id, message_type, body, occurred_at, next_attempt_at) VALUES
                ('{typeGone}', 'CreatorMeta.Gone.Event, CreatorMeta.Gone', '[]', now() - interval '1 hour', now() - interval '1 hour'),
                ('{bodyUnreadable}', 'CreatorMeta.Contracts.Tracking.PublicationRecorded, CreatorMeta.Contracts', '[1, 2]',
                 now() - interval '1 hour' + interval '1 second', now() - interval '1 hour');
            """);
        await HttpAssertions.EventuallyAsync(async () => await AttemptedAsync(typeGone, bodyUnreadable) == 2, "the dispatcher tried both poison rows");

        var http = _tracking.CreateClient(TestEnvironment.NewWorkspace());
        var asset = await (await http.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var publication = await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication()))
            .JsonAsync(HttpStatusCode.Created);
        await probe.ReceiveUntilAsync(m => m.GetProperty("publicationId").GetString() == publication.Id(), TimeSpan.FromSeconds(30));
        var parkedWhenItArrived = await ParkedAsync(typeGone, bodyUnreadable);

        await HttpAssertions.EventuallyAsync(async () => await ParkedAsync(typeGone, bodyUnreadable) == 2, "both poison rows parked", seconds: 60);
        Assert.Equal(0L, parkedWhenItArrived);
        Assert.Equal(ParkAfterAttempts, await ScalarAsync<int>("SELECT attempts FROM outbox_messages WHERE id = $1", typeGone));
        Assert.Contains("CreatorMeta.Gone", await ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE id = $1", typeGone));
        Assert.StartsWith("JsonException", await ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE id = $1", bodyUnreadable));
        var health = await (await _tracking.CreateClient().GetAsync("/health")).JsonAsync(HttpStatusCode.OK);
        var outbox = health.GetProperty("checks").GetProperty("outbox");
        Assert.Equal("Degraded", outbox.GetProperty("status").GetString());
        Assert.Equal("2 outbox messages parked; see /admin/outbox/parked", outbox.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_parked_message_is_never_tried_again_until_redriven()
    {
        var parked = Guid.NewGuid();
        await TestDatabase.ExecuteAsync(_tracking.DatabaseConnectionString, $"""
            INSERT INTO outbox_messages (id, message_type, body, occurred_at, next_attempt_at, attempts, last_error, parked_at)
            VALUES ('{parked}', 'CreatorMeta.Gone.Event, CreatorMeta.Gone', '[]', now() - interval '1 hour', now() - interval '1 hour',
                    {ParkAfterAttempts}, 'parked by an earlier run', now() - interval '1 minute');
            """);
        var http = _tracking.CreateClient(TestEnvironment.NewWorkspace());
        var asset = await (await http.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);

        // The asset's own event went out through the same dispatcher, after the parked row in publication order.
        await HttpAssertions.EventuallyAsync(async () => await ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NOT NULL AND body->>'assetId' = $1", asset.Id()) == 1,
            "the asset's event dispatched");
        Assert.Equal("parked by an earlier run", await ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE id = $1", parked));

        // As POST /admin/outbox/parked/{id}/redrive does (the services map that route in their own Program.cs).
        await TestDatabase.ExecuteAsync(_tracking.DatabaseConnectionString,
            $"UPDATE outbox_messages SET parked_at = NULL, attempts = 0, next_attempt_at = now() WHERE id = '{parked}'");

        await HttpAssertions.EventuallyAsync(async () => await ParkedAsync(parked) == 1, "the redriven row tried and parked again", seconds: 60);
        Assert.Contains("CreatorMeta.Gone", await ScalarAsync<string>("SELECT last_error FROM outbox_messages WHERE id = $1", parked));
    }

    private Task<long> AttemptedAsync(params Guid[] ids) =>
        ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE id = ANY($1) AND attempts > 0", ids);

    private Task<long> ParkedAsync(params Guid[] ids) =>
        ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE id = ANY($1) AND parked_at IS NOT NULL", ids);

    private Task<T> ScalarAsync<T>(string sql, params object[] parameters) =>
        TestDatabase.ScalarAsync<T>(_tracking.DatabaseConnectionString, sql, parameters);
}
