using CreatorMeta.Testing;

namespace CreatorMeta.Calendar.Tests;

/// <summary>Tracking and calendar as processes; the calendar asks tracking over gRPC, as in production.</summary>
public sealed class CalendarFixture : IAsyncLifetime
{
    public ServiceHost Tracking { get; private set; } = null!;
    public ServiceHost Calendar { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tracking = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj", grpc: true);
        Calendar = await ServiceHost.StartAsync("calendar", "services/Calendar/CreatorMeta.Calendar.csproj",
            project => project.ServiceReferences.Add(Tracking.Endpoints));
    }

    public async Task DisposeAsync()
    {
        await Calendar.DisposeAsync();
        await Tracking.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CalendarCollection : ICollectionFixture<CalendarFixture>
{
    public const string Name = "calendar";
}
