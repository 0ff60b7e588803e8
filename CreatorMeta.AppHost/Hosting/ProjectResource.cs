namespace CreatorMeta.AppHost.Hosting;

/// <summary>
/// A .NET service of this solution, run from its build output on free loopback ports. Its references reach it as
/// configuration in Aspire's conventions; it counts as healthy when its /health endpoint answers 200.
/// </summary>
public sealed class ProjectResource : Resource, IResourceWithEndpoints
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string _assemblyPath;
    private readonly Dictionary<string, Uri> _endpoints = [];
    private ChildProcess? _process;

    public ProjectResource(string name, string repositoryRoot, string projectPath) : base(name)
    {
        var projectDirectory = Path.GetDirectoryName(Path.Combine(repositoryRoot, projectPath))!;
        var assemblyName = Path.GetFileNameWithoutExtension(projectPath);
        _assemblyPath = Path.Combine(projectDirectory, "bin", BuildConfiguration, "net10.0", assemblyName + ".dll");
        _endpoints["http"] = new Uri($"http://127.0.0.1:{Ports.Free()}");
    }

    /// <summary>Debug or Release: whichever the AppHost itself was built in.</summary>
    private static string BuildConfiguration =>
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/')))!;

    public IReadOnlyDictionary<string, Uri> Endpoints => _endpoints;

    /// <summary>The running process's id (0 before start), for measuring it.</summary>
    public int ProcessId => _process?.Id ?? 0;
    public List<IResourceWithConnectionString> ConnectionStrings { get; } = [];
    public List<IResourceWithEndpoints> ServiceReferences { get; } = [];
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Prefers a well-known port (so URLs in docs work) but takes a free one when it is busy.</summary>
    public void SetHttpPort(int port) => _endpoints["http"] = new Uri($"http://127.0.0.1:{(Ports.IsFree(port) ? port : Ports.Free())}");

    /// <summary>An HTTP/2-only (h2c) endpoint for gRPC; Kestrel cannot serve h2c prior knowledge beside HTTP/1.1.</summary>
    public void AddGrpcEndpoint() => _endpoints["grpc"] = new Uri($"http://127.0.0.1:{Ports.Free()}");

    public override Task StartAsync(ResourceLogger log, CancellationToken cancellationToken)
    {
        if (!File.Exists(_assemblyPath))
            throw new PrerequisiteMissingException($"{_assemblyPath} is missing: build the solution first with 'dotnet build CreatorMeta.sln'.");
        var environment = new Dictionary<string, string>(Environment) { ["OTEL_SERVICE_NAME"] = Name };
        environment.TryAdd("ASPNETCORE_ENVIRONMENT", System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development");
        foreach (var (endpoint, url) in _endpoints)
        {
            environment[$"Kestrel__Endpoints__{endpoint}__Url"] = url.ToString();
            environment[$"Kestrel__Endpoints__{endpoint}__Protocols"] = endpoint == "grpc" ? "Http2" : "Http1";
        }
        foreach (var resource in ConnectionStrings)
            environment[$"ConnectionStrings__{resource.Name}"] = resource.ConnectionString;
        foreach (var service in ServiceReferences)
            foreach (var (endpoint, url) in service.Endpoints)
                environment[$"services__{service.Name}__{endpoint}__0"] = url.ToString().TrimEnd('/');
        _process = ChildProcess.Start("setsid", ["dotnet", _assemblyPath], environment, log);
        return Task.CompletedTask;
    }

    public override async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        var health = new Uri(_endpoints["http"], "/health");
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
                throw new InvalidOperationException(await _process.ExitReasonAsync());
            try
            {
                using var response = await Http.GetAsync(health, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // too busy to answer within the request's timeout, as a loaded machine may be; ask again
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"did not report healthy at {health} within {StartTimeout.TotalSeconds:0} s; its last lines:\n{_process!.LastLines}");
    }

    public override Task StopAsync() => _process?.StopAsync(TimeSpan.FromSeconds(10)) ?? Task.CompletedTask;
}
