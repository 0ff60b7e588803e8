using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;

namespace CreatorMeta.AppHost.Hosting;

/// <summary>
/// Our small stand-in for Aspire's DistributedApplication (docs/decisions/0001-apphost.md): starts each resource once
/// everything it waits for is healthy, independent ones in parallel, and on Ctrl+C or SIGTERM stops all of them in
/// reverse order.
/// </summary>
public sealed class DistributedApplication(IReadOnlyList<Resource> resources, IConfiguration configuration)
{
    public IConfiguration Configuration { get; } = configuration;

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args);

    /// <summary>Runs until stopped; <paramref name="onReady"/> runs once every resource is healthy. Returns the exit code.</summary>
    public async Task<int> RunAsync(Action<DistributedApplication>? onReady = null)
    {
        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var started = new List<Resource>();
        var starts = new Dictionary<Resource, Task>();
        var host = new ResourceLogger("apphost", 6);
        try
        {
            await Task.WhenAll(resources.Select(StartInOrder));
            onReady?.Invoke(this);
            await Task.Delay(Timeout.Infinite, stopping.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (PrerequisiteMissingException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"Start-up failed: {e.Message}");
            return 1;
        }
        finally
        {
            host.Line("stopping");
            foreach (var resource in Enumerable.Reverse(started))
                await resource.StopAsync();
            host.Line("stopped");
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }

        Task StartInOrder(Resource resource)
        {
            lock (starts)
            {
                if (!starts.TryGetValue(resource, out var start))
                    starts[resource] = start = StartAsync(resource);
                return start;
            }
        }

        async Task StartAsync(Resource resource)
        {
            await Task.WhenAll(resource.WaitsFor.Select(StartInOrder));
            var log = new ResourceLogger(resource.Name, resources.ToList().IndexOf(resource));
            lock (started)
                started.Add(resource);
            await resource.StartAsync(log, stopping.Token);
            await resource.WaitUntilHealthyAsync(stopping.Token);
            log.Line("\u001b[1mhealthy\u001b[0m");
        }
    }
}

/// <summary>Collects the resource graph, as Aspire's IDistributedApplicationBuilder does.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    internal DistributedApplicationBuilder(string[] args)
    {
        Configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        RepositoryRoot = FindRepositoryRoot();
        StateDirectory = Configuration["state-dir"]
            ?? Path.Combine(Path.GetTempPath(), "creatormeta", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(RepositoryRoot)))[..12].ToLowerInvariant());
    }

    public IConfiguration Configuration { get; }
    public string RepositoryRoot { get; }

    /// <summary>Where private servers keep their data between runs (override with --state-dir).</summary>
    public string StateDirectory { get; }

    public ResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build() => new(_resources, Configuration);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "CreatorMeta.sln")))
                return directory.FullName;
        throw new PrerequisiteMissingException("CreatorMeta.sln was not found above the AppHost's build output: run the AppHost from the repository.");
    }
}

/// <summary>A resource being configured; the extension methods in <see cref="ResourceBuilderExtensions"/> add to it.</summary>
public sealed record ResourceBuilder<T>(T Resource, DistributedApplicationBuilder ApplicationBuilder) where T : Resource;
