using System.Net;
using System.Text.Json;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.MetricsIngestion.Tests;

/// <summary>The service as a process on its own database and virtual host, and a bus that sends tracking's events to it.</summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    public ServiceHost Service { get; private set; } = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        Service = await ServiceHost.StartAsync("metrics-ingestion", "services/MetricsIngestion/CreatorMeta.MetricsIngestion.csproj");
        _bus = await TestBus.StartAsync(Service.Messaging);
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await Service.DisposeAsync();
    }

    public Task<long> StoredAsync(string workspace) => TestDatabase.ScalarAsync<long>(Service.DatabaseConnectionString,
        "SELECT count(*) FROM raw_observations WHERE workspace_id = $1", workspace);

    /// <summary>Tracking records a publication of a new asset in <paramref name="format"/>; returns the event.</summary>
    public async Task<PublicationRecorded> PublishAsync(string workspace, string platform, string externalPostId, DateTimeOffset publishedAt,
        string account = "@jamal", string? format = "reel", Guid? assetId = null)
    {
        var asset = assetId ?? Guid.NewGuid();
        var registered = new AssetRegistered(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, asset, "clip", "video", null, [], [], format);
        await _bus.Publish(registered, context => context.MessageId = registered.EventId);
        var recorded = new PublicationRecorded(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), asset, platform, account,
            externalPostId, null, publishedAt, "manual", [], null);
        await _bus.Publish(recorded, context => context.MessageId = recorded.EventId);
        return recorded;
    }

    public Task SendAsync<T>(T message, Guid eventId) where T : class => _bus.Publish(message, context => context.MessageId = eventId);

    public static object Observation(string platform, string externalPostId, DateTimeOffset observedAt, string source, object metrics,
        string account = "@jamal") => new
    {
        platform,
        account,
        externalPostId,
        observedAt,
        source,
        sourceEventId = Guid.NewGuid().ToString(),
        metrics,
    };

    public static async Task UploadAsync(HttpClient client, params object[] observations)
    {
        var result = await (await client.PostJsonAsync("/api/v1/metrics/observations", new { observations })).JsonAsync(HttpStatusCode.Accepted);
        Assert.Equal(observations.Length, result.GetProperty("stored").GetInt32());
    }

    /// <summary>The publication's metrics once resolution has caught up with <paramref name="ready"/>.</summary>
    public static async Task<JsonElement> MetricsWhenAsync(HttpClient client, Guid publicationId, Func<JsonElement, bool> ready, string what)
    {
        JsonElement body = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var response = await client.GetAsync($"/api/v1/publications/{publicationId}/metrics?include=observations");
            if (response.StatusCode != HttpStatusCode.OK)
                return false;
            body = await response.JsonAsync(HttpStatusCode.OK);
            return body.GetProperty("status").GetString() == "resolved" && ready(body);
        }, what);
        return body;
    }
}

[CollectionDefinition(Name)]
public sealed class MetricsCollection : ICollectionFixture<MetricsFixture>
{
    public const string Name = "metrics";
}
