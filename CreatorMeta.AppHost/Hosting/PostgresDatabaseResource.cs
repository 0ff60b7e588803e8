using Npgsql;

namespace CreatorMeta.AppHost.Hosting;

/// <summary>One service's database on a PostgreSQL server, created if it does not exist yet.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString
{
    private readonly PostgresServerResource _server;

    public PostgresDatabaseResource(string name, PostgresServerResource server) : base(name)
    {
        _server = server;
        WaitsFor.Add(server);
    }

    public string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = Name }.ConnectionString;

    public override async Task StartAsync(ResourceLogger log, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(Name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        log.Line($"created database {Name}");
    }

    public override Task WaitUntilHealthyAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
