using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using CreatorMeta.Testing;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>
/// The whole system as a user starts it: the AppHost binary with private PostgreSQL and RabbitMQ in a fresh state
/// directory, and the gateway on a port of the test's choosing.
/// </summary>
public class AppHostProcess : IAsyncLifetime
{
    /// <summary>Whether to hand the AppHost the test run's servers as a user's own.</summary>
    protected virtual bool UseExternalServers => false;

    // What the AppHost may start; any of these left after it stops is an orphan.
    private static readonly string[] Watched = ["postgres", "beam.smp", "epmd", "erl_child_setup", "dotnet", "inet_gethost"];

    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly string _state = Directory.CreateTempSubdirectory("creatormeta-e2e-").FullName;
    private HashSet<int> _before = [];
    private Process _process = null!;

    /// <summary>The AppHost as built by the solution's Debug build.</summary>
    public static string Binary => Path.Combine(TestEnvironment.RepositoryRoot, "CreatorMeta.AppHost/bin/Debug/net10.0/CreatorMeta.AppHost.dll");

    public const string DevKey = "cm_dev_local_2f7b9c41e8a54d06b3c1";
    public const string AdminKey = "cm_admin_local_8d30e6f2a9c14b57";
    public Uri Gateway { get; private set; } = null!;
    public string StateDirectory => _state;
    public string Output => string.Join('\n', _output);

    public async Task InitializeAsync()
    {
        _before = WatchedProcesses();
        var port = FreePort();
        Gateway = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestEnvironment.RepositoryRoot,
        };
        foreach (var argument in new[] { Binary, $"--state-dir={_state}", $"--gateway-port={port}" })
            info.ArgumentList.Add(argument);
        // Generated bad input sends thousands of requests with one key; rate limiting has tests of its own.
        info.Environment["Gateway__RequestsPerSecondPerKey"] = "100000";
        info.Environment["Gateway__BurstPerKey"] = "100000";
        // The test run's servers are in the environment: keep them only when adopting a user's servers is the point.
        if (!UseExternalServers)
        {
            info.Environment.Remove("ConnectionStrings__postgres");
            info.Environment.Remove("ConnectionStrings__messaging");
        }
        var ready = new TaskCompletionSource();
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            _output.Enqueue(e.Data);
            if (e.Data.Contains("Ctrl+C stops everything")) ready.TrySetResult(); // the banner's last line
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            _output.Enqueue(e.Data);
            _errors.Enqueue(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Generous: a loaded two-core machine starts two servers and six services slowly.
        var finished = await Task.WhenAny(ready.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(6)));
        if (finished != ready.Task)
            throw new InvalidOperationException($"{Verdict()}The AppHost did not come up; its last lines:\n{Tail()}");
    }

    /// <summary>Ctrl+C, as a user presses it; returns the processes it started that are still alive afterwards.</summary>
    public async Task<List<string>> InterruptAndFindOrphansAsync()
    {
        CreatorMeta.AppHost.Hosting.Posix.Kill(_process.Id, CreatorMeta.AppHost.Hosting.Posix.SigInt);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        // Give exiting processes a moment to be reaped, then report what still runs.
        for (var i = 0; i < 20 && WatchedProcesses().Except(_before).Any(); i++)
            await Task.Delay(250);
        return WatchedProcesses().Except(_before).Select(Describe).ToList();
    }

    public async Task DisposeAsync()
    {
        // Ctrl+C first, as a user stops it; a process started with SIGINT ignored (a background job without job control)
        // never sees that, so SIGTERM next, and never a test run left hanging.
        foreach (var signal in new[] { CreatorMeta.AppHost.Hosting.Posix.SigInt, CreatorMeta.AppHost.Hosting.Posix.SigTerm })
        {
            if (_process.HasExited)
                break;
            CreatorMeta.AppHost.Hosting.Posix.Kill(_process.Id, signal);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                // on to the next signal
            }
        }
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        Directory.Delete(_state, recursive: true);
    }

    public string Tail() => string.Join('\n', _output.TakeLast(60));

    /// <summary>
    /// The AppHost's START-UP FAILED line and the failed resource's lines under it, if it printed one: the end of its
    /// output is the other resources' shutdown lines, which hide the cause.
    /// </summary>
    private string Verdict()
    {
        var errors = _errors.ToList();
        var first = errors.FindIndex(line => line.Contains("START-UP FAILED"));
        if (first < 0)
            return "";
        return string.Join('\n', errors.Skip(first).TakeWhile((line, i) => i == 0 || !line.Contains("START-UP FAILED"))) + "\n";
    }

    private static HashSet<int> WatchedProcesses() => Directory.GetDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : -1)
        .Where(pid => pid > 0 && pid != Environment.ProcessId && Watched.Contains(Read($"/proc/{pid}/comm")) && !IsZombie(pid))
        .ToHashSet();

    private static bool IsZombie(int pid) => Read($"/proc/{pid}/stat").Split(") ").ElementAtOrDefault(1)?.StartsWith('Z') ?? true;

    private static string Describe(int pid) => $"{pid} {Read($"/proc/{pid}/cmdline").Replace('\0', ' ')}";

    private static string Read(string path)
    {
        try { return File.ReadAllText(path).Trim(); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
