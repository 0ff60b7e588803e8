using CreatorMeta.Testing;

namespace CreatorMeta.MetricsIngestion.Tests;

public sealed class MetricsFixture : IAsyncLifetime
{
    public ServiceHost Service { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Service = await ServiceHost.StartAsync("metrics-ingestion", "services/MetricsIngestion/CreatorMeta.MetricsIngestion.csproj");

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public Task<long> StoredAsync(string workspace) => TestDatabase.ScalarAsync<long>(Service.DatabaseConnectionString,
        "SELECT count(*) FROM raw_observations WHERE workspace_id = $1", workspace);
}

[CollectionDefinition(Name)]
public sealed class MetricsCollection : ICollectionFixture<MetricsFixture>
{
    public const string Name = "metrics";
}
