using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests;

/// <summary>
/// The service as a process on its own database and virtual host, started for each test, and a bus that sends it the
/// events tracking and metrics-ingestion would.
/// </summary>
public abstract class AnalyticsHost(bool grpc = false) : IAsyncLifetime
{
    protected ServiceHost Service { get; private set; } = null!;
    protected IBusControl Events { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await ServiceHost.StartAsync("analytics", "services/Analytics/CreatorMeta.Analytics.csproj", grpc: grpc);
        Events = await TestBus.StartAsync(Service.Messaging);
    }

    public async Task DisposeAsync()
    {
        await Events.StopAsync();
        await Service.DisposeAsync();
    }
}
