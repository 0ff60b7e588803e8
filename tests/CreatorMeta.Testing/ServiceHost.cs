using System.Collections.Concurrent;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.ServiceDefaults;

namespace CreatorMeta.Testing;

/// <summary>
/// One of our services, run as the real process the AppHost would run (same binary, same configuration
/// conventions), on free loopback ports, with its own fresh database. Its log is kept for failure messages.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly ProjectResource _project;
    private readonly ConcurrentQueue<string> _log = new();

    private ServiceHost(ProjectResource project, string databaseConnectionString)
    {
        _project = project;
        DatabaseConnectionString = databaseConnectionString;
    }

    public string DatabaseConnectionString { get; }
    public Uri HttpAddress => _project.Endpoints["http"];
    public Uri? GrpcAddress => _project.Endpoints.GetValueOrDefault("grpc");
    public IResourceWithEndpoints Endpoints => _project;
    public string Log => string.Join('\n', _log);

    public static async Task<ServiceHost> StartAsync(string service, string projectPath, Action<ProjectResource>? configure = null,
        string? messaging = null, bool grpc = false)
    {
        var database = await TestDatabase.CreateAsync(service);
        var project = new ProjectResource(service, TestEnvironment.RepositoryRoot, projectPath);
        if (grpc)
            project.AddGrpcEndpoint();
        project.ConnectionStrings.Add(new ConnectionString(ResourceNames.DatabaseOf(service), database));
        project.ConnectionStrings.Add(new ConnectionString(ResourceNames.Messaging, messaging ?? TestEnvironment.Messaging));
        configure?.Invoke(project);
        var host = new ServiceHost(project, database);
        await project.StartAsync(new ResourceLogger(service, 0, host._log.Enqueue), CancellationToken.None);
        try
        {
            await project.WaitUntilHealthyAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            await project.StopAsync();
            throw new InvalidOperationException($"{service} did not become healthy: {e.Message}\n{host.Log}", e);
        }
        return host;
    }

    public HttpClient CreateClient(string? workspace = null)
    {
        var client = new HttpClient { BaseAddress = HttpAddress };
        if (workspace is not null)
            client.DefaultRequestHeaders.Add("X-Workspace-Id", workspace);
        return client;
    }

    public Task StopAsync() => _project.StopAsync();

    public async ValueTask DisposeAsync() => await _project.StopAsync();

    /// <summary>A connection string passed to a service by name, as the AppHost passes its resources'.</summary>
    public sealed record ConnectionString(string Name, string Value) : IResourceWithConnectionString
    {
        string IResourceWithConnectionString.ConnectionString => Value;
    }
}
