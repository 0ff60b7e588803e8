using System.Collections.Concurrent;
using System.Text;
using CreatorMeta.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorMeta.Tracking.Tests;

/// <summary>A service with OTEL_EXPORTER_OTLP_ENDPOINT set exports traces, metrics and logs to it.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Exports_request_spans_with_http_tags_and_metrics_and_logs_over_otlp()
    {
        var received = new ConcurrentDictionary<string, ConcurrentBag<byte[]>>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.GetOrAdd(signal, _ => []).Add(body.ToArray());
            return Results.Ok();
        });
        await collector.StartAsync();
        var endpoint = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var tracking = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj", project =>
        {
            project.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint;
            project.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            project.Environment["OTEL_BSP_SCHEDULE_DELAY"] = "200";
            project.Environment["OTEL_BLRP_SCHEDULE_DELAY"] = "200";
            project.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "500";
        });
        await tracking.CreateClient(TestEnvironment.NewWorkspace()).GetAsync($"/api/v1/assets/{Guid.NewGuid()}");

        await HttpAssertions.EventuallyAsync(() => Task.FromResult(Contains(received, "traces", "/api/v1/assets/{id:guid}")), "a span named by its route");
        Assert.True(Contains(received, "traces", "http.route"));
        Assert.True(Contains(received, "traces", "http.response.status_code"));
        Assert.True(Contains(received, "traces", "tracking"), "spans carry the service name");
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(Contains(received, "metrics", "http.server.request.duration")), "request metrics");
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(received.ContainsKey("logs")), "logs");
    }

    private static bool Contains(ConcurrentDictionary<string, ConcurrentBag<byte[]>> received, string signal, string text) =>
        received.TryGetValue(signal, out var bodies) && bodies.Any(b => Encoding.UTF8.GetString(b).Contains(text));
}
