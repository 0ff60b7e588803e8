using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Hashtags.Tests;

/// <summary>
/// The service as a process on its own database and virtual host, started for each test class, and a bus that sends it
/// the events tracking and metrics-ingestion would.
/// </summary>
public abstract class HashtagsHost : IAsyncLifetime
{
    protected ServiceHost Service { get; private set; } = null!;
    protected IBusControl Events { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await ServiceHost.StartAsync("hashtags", "services/Hashtags/CreatorMeta.Hashtags.csproj");
        Events = await TestBus.StartAsync(Service.Messaging);
    }

    public async Task DisposeAsync()
    {
        await Events.StopAsync();
        await Service.DisposeAsync();
    }
}
