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

    /// <summary>
    /// Runs until stopped; <paramref name="onReady"/> runs once every resource is healthy. Returns the exit code: 1 when a
    /// resource failed to start (named on stderr first and last), 2 when a prerequisite is missing.
    /// </summary>
    public async Task<int> RunAsync(Action<DistributedApplication>? onReady = null)
    {
        using var stopping = new CancellationTokenSource();
        // Also cancelled by the first failure, so nobody waits on a start-up that has already failed.
        using var starting = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var started = new List<Resource>();
        var starts = new Dictionary<Resource, Task>();
        var host = new ResourceLogger("apphost", 6);
        Exception? failure = null;
        try
        {
            await Task.WhenAll(resources.Select(StartInOrder));
            onReady?.Invoke(this);
            await Task.Delay(Timeout.Infinite, stopping.Token);
            return 0;
        }
        catch (Exception) when (failure is null && stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e)
        {
            Fail("apphost", e); // reported already if a resource failed; otherwise it failed outside any resource
            return failure is PrerequisiteMissingException ? 2 : 1;
        }
        finally
        {
            host.Line("stopping");
            foreach (var resource in Enumerable.Reverse(started))
                await resource.StopAsync();
            host.Line("stopped");
            // Last as well as first: whoever reads only the end of the log sees why, not just the shutdown.
            if (failure is not null)
                await Console.Error.WriteLineAsync(failure is ResourceStartException failed ? failed.Headline : failure.Message);
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
            starting.Token.ThrowIfCancellationRequested(); // after a failure, start nothing more
            var log = new ResourceLogger(resource.Name, resources.ToList().IndexOf(resource));
            lock (started)
                started.Add(resource);
            try
            {
                // A failure elsewhere does not cut a start short: a server half-way through starting could not be stopped.
                await resource.StartAsync(log, stopping.Token);
                await resource.WaitUntilHealthyAsync(starting.Token);
            }
            catch (Exception e) when (!starting.IsCancellationRequested)
            {
                Fail(resource.Name, e);
                throw;
            }
            log.Line("\u001b[1mhealthy\u001b[0m");
        }

        // Only the first failure is the root cause; what fails after it (waits cut short, dependants) is its consequence.
        void Fail(string resourceName, Exception e)
        {
            lock (starts)
            {
                if (failure is not null)
                    return;
                failure = e is PrerequisiteMissingException ? e : ResourceStartException.Of(resourceName, e);
            }
            // Said at once, before the other resources' shutdown lines can bury it.
            Console.Error.WriteLine(failure is ResourceStartException failed ? failed.Report : failure.Message);
            starting.Cancel();
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
        // A slow machine may need longer than the default: --start-timeout=SECONDS or AppHost__StartTimeoutSeconds.
        var startTimeoutSeconds = Configuration.GetValue<int?>("start-timeout") ?? Configuration.GetValue<int?>("AppHost:StartTimeoutSeconds");
        StartTimeout = startTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : Resource.DefaultStartTimeout;
        StateDirectory = Configuration["state-dir"]
            ?? Path.Combine(Path.GetTempPath(), "creatormeta", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(RepositoryRoot)))[..12].ToLowerInvariant());
    }

    public IConfiguration Configuration { get; }
    public string RepositoryRoot { get; }

    /// <summary>How long each resource may take to start and become healthy; every resource added gets it.</summary>
    public TimeSpan StartTimeout { get; }

    /// <summary>Where private servers keep their data between runs (override with --state-dir).</summary>
    public string StateDirectory { get; }

    public ResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        resource.StartTimeout = StartTimeout;
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
