using System.Runtime.InteropServices;
using CreatorMeta.AppHost;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.ServiceDefaults;

namespace CreatorMeta.Bench;

/// <summary>
/// A benchmark's private servers and services, started in order and each healthy before the next, stopped in reverse
/// when the run ends, on Ctrl+C or on a kill; their data directory is deleted unless <c>--state=DIR</c> keeps it for the
/// next run. Also the run's <c>--name=value</c> options.
/// </summary>
public sealed class BenchServers : IAsyncDisposable
{
    private readonly string[] args;
    private readonly bool keepState;
    private readonly List<Resource> started = [];
    private readonly ResourceLogger quiet = new("bench", 0, _ => { });
    private readonly PosixSignalRegistration onInterrupt;
    private readonly PosixSignalRegistration onTerminate;
    private int stopped;

    public BenchServers(string[] args, string stateName)
    {
        this.args = args;
        Root = FindRoot();
        keepState = Text("state") is not null;
        State = Text("state") ?? Directory.CreateTempSubdirectory(stateName + "-").FullName;
        onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => DisposeAsync().AsTask().Wait());
        onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => DisposeAsync().AsTask().Wait());
    }

    /// <summary>The repository the services are built from.</summary>
    public string Root { get; }

    /// <summary>Where the servers keep their data.</summary>
    public string State { get; }

    /// <summary>This run's gateway signs the claims its services verify.</summary>
    public TrustKeys Trust { get; } = TrustKeys.Generate();

    /// <summary>
    /// A service measured as deployed: Production (Development adds per-request work — scope validation, the developer
    /// exception page), accepting this run's gateway's claims.
    /// </summary>
    public ProjectResource Service(string name, string project)
    {
        var service = new ProjectResource(name, Root, project);
        service.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        service.Environment["Trust__VerificationKey"] = Trust.VerificationKey;
        return service;
    }

    /// <summary>The gateway in front of <paramref name="service"/>, taking <paramref name="key"/> and never rate-limiting the load generator.</summary>
    public Task<ProjectResource> StartGatewayAsync(PostgresDatabaseResource database, ProjectResource service, string key)
    {
        var gateway = new ProjectResource(ResourceNames.Gateway, Root, "gateway/CreatorMeta.Gateway.csproj");
        gateway.ConnectionStrings.Add(database);
        gateway.ServiceReferences.Add(service);
        gateway.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        gateway.Environment["Trust__SigningKey"] = Trust.SigningKey;
        gateway.Environment["Gateway__DevelopmentApiKey"] = key;
        gateway.Environment["Gateway__RequestsPerSecondPerKey"] = "100000";
        gateway.Environment["Gateway__BurstPerKey"] = "100000";
        return StartAsync(gateway);
    }

    public async Task<T> StartAsync<T>(T resource) where T : Resource
    {
        started.Add(resource);
        await resource.StartAsync(quiet, CancellationToken.None);
        await resource.WaitUntilHealthyAsync(CancellationToken.None);
        return resource;
    }

    public string? Text(string name) => args.Select(a => a.Split('=', 2)).Where(p => p[0] == "--" + name).Select(p => p[1]).FirstOrDefault();

    public int Arg(string name, int fallback) => Text(name) is { } value ? int.Parse(value) : fallback;

    public static void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
            return;
        foreach (var resource in Enumerable.Reverse(started))
            await resource.StopAsync();
        if (!keepState)
            Directory.Delete(State, recursive: true);
        onInterrupt.Dispose();
        onTerminate.Dispose();
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "CreatorMeta.sln")))
                return d.FullName;
        throw new InvalidOperationException("Run from the repository.");
    }
}
