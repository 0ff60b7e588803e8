using System.Collections.Concurrent;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Resilience;

namespace CreatorMeta.Testing;

/// <summary>
/// One of our services, run as the real process the AppHost would run (same binary, same configuration
/// conventions), on free loopback ports, with its own fresh database. Its log is kept for failure messages.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly ProjectResource _project;
    private readonly ConcurrentQueue<string> _log = new();

    private readonly bool _ownsVirtualHost;

    private ServiceHost(ProjectResource project, string databaseConnectionString, string messaging, bool ownsVirtualHost)
    {
        _project = project;
        DatabaseConnectionString = databaseConnectionString;
        Messaging = messaging;
        _ownsVirtualHost = ownsVirtualHost;
    }

    public string DatabaseConnectionString { get; }

    /// <summary>The broker the service uses: by default a virtual host of its own, for probes and test publishers to share.</summary>
    public string Messaging { get; }
    public Uri HttpAddress => _project.Endpoints["http"];
    public Uri? GrpcAddress => _project.Endpoints.GetValueOrDefault("grpc");
    public IResourceWithEndpoints Endpoints => _project;
    public string Log => string.Join('\n', _log);

    /// <summary>
    /// Starts the service on a fresh database and, unless <paramref name="messaging"/> names a broker (say, another
    /// service's, for two that must talk), on a virtual host of its own.
    /// </summary>
    public static async Task<ServiceHost> StartAsync(string service, string projectPath, Action<ProjectResource>? configure = null,
        string? messaging = null, bool grpc = false)
    {
        var database = await TestDatabase.CreateAsync(service);
        var ownsVirtualHost = messaging is null;
        messaging ??= await TestBroker.NewVirtualHostAsync();
        var project = new ProjectResource(service, TestEnvironment.RepositoryRoot, projectPath);
        if (grpc)
            project.AddGrpcEndpoint();
        project.ConnectionStrings.Add(new ConnectionString(ResourceNames.DatabaseOf(service), database));
        project.ConnectionStrings.Add(new ConnectionString(ResourceNames.Messaging, messaging));
        project.Environment["Trust__VerificationKey"] = TestTrust.Keys.VerificationKey;
        // One message at a time per queue, and the outbox's events published in order, so "a later message was handled"
        // proves the earlier ones were too. OutboxPipelineTests runs the service's own publish window.
        project.Environment["Messaging__ConcurrentMessageLimit"] = "1";
        project.Environment["Messaging__PublishConcurrency"] = "1";
        configure?.Invoke(project);
        var host = new ServiceHost(project, database, messaging, ownsVirtualHost);
        await host.StartAsync();
        return host;
    }

    /// <summary>Stops the process and starts it again on the same ports and database, as a redeploy would.</summary>
    public async Task RestartAsync()
    {
        await _project.StopAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        await _project.StartAsync(new ResourceLogger(_project.Name, 0, _log.Enqueue), CancellationToken.None);
        try
        {
            await _project.WaitUntilHealthyAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            await _project.StopAsync();
            throw new InvalidOperationException($"{_project.Name} did not become healthy: {e.Message}\n{Log}", e);
        }
    }

    /// <summary>A client acting for <paramref name="workspace"/> as the gateway's would; with none, an anonymous one.</summary>
    public HttpClient CreateClient(string? workspace = null) =>
        workspace is null ? new HttpClient { BaseAddress = HttpAddress } : new HttpClient(new TestTrust.Handler(workspace)) { BaseAddress = HttpAddress };

    /// <summary>A gRPC client whose calls carry a claim for <paramref name="workspace"/>, as a service passes on its caller's.</summary>
    public GrpcClient CreateGrpcClient(string workspace) =>
        new(new HttpClient(new TestTrust.Handler(workspace)) { BaseAddress = GrpcAddress }, ResiliencePipelines.ForGrpc());

    public Task StopAsync() => _project.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _project.StopAsync();
        if (_ownsVirtualHost)
            await TestBroker.DeleteVirtualHostAsync(Messaging);
    }

    /// <summary>A connection string passed to a service by name, as the AppHost passes its resources'.</summary>
    public sealed record ConnectionString(string Name, string Value) : IResourceWithConnectionString
    {
        string IResourceWithConnectionString.ConnectionString => Value;
    }
}
