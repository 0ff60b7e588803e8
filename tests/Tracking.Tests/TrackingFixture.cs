using CreatorMeta.Testing;
using Xunit;

namespace CreatorMeta.Tracking.Tests;

/// <summary>One tracking service process with a fresh database for the whole collection; tests own their workspaces.</summary>
public sealed class TrackingFixture : IAsyncLifetime
{
    public ServiceHost Service { get; private set; } = null!;

    // A window of three newest assets makes every filtered search test go through both of search's routes: the window
    // when the newest assets fill the page, the filters' indexes when they do not.
    public async Task InitializeAsync() =>
        Service = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj",
            project => project.Environment["Tracking__SearchNewestWindow"] = "3", grpc: true);

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TrackingCollection : ICollectionFixture<TrackingFixture>
{
    public const string Name = "tracking";
}
