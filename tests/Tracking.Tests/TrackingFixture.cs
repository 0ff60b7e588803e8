using CreatorMeta.Testing;
using Xunit;

namespace CreatorMeta.Tracking.Tests;

/// <summary>One tracking service process with a fresh database for the whole collection; tests own their workspaces.</summary>
public sealed class TrackingFixture : IAsyncLifetime
{
    public ServiceHost Service { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Service = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj", grpc: true);

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class TrackingCollection : ICollectionFixture<TrackingFixture>
{
    public const string Name = "tracking";
}
