using System.Diagnostics;

namespace CreatorMeta.AppHost.Hosting;

/// <summary>A process the AppHost owns: its output is streamed with the resource's prefix and it is always stopped.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ResourceLogger _log;
    private bool _stopping;

    private ChildProcess(Process process, ResourceLogger log)
    {
        _process = process;
        _log = log;
    }

    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment,
        ResourceLogger log, string? workingDirectory = null, bool expectExit = false)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // detached from the terminal, so Ctrl+C reaches the AppHost alone, which stops children in order
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        // A command is expected to exit; set before start so even an instant exit is not reported as a crash.
        var child = new ChildProcess(process, log) { _stopping = expectExit };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Line(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Line(e.Data); };
        process.Exited += (_, _) =>
        {
            if (!child._stopping)
                log.Line($"\u001b[1mexited unexpectedly with code {process.ExitCode}; it is not restarted.\u001b[0m");
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Asks politely (SIGTERM), then kills the whole tree if it has not gone within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _stopping = true;
        if (_process.HasExited)
            return;
        Posix.Kill(_process.Id, Posix.SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _log.Line($"did not stop within {grace.TotalSeconds:0} s; killing it");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    /// <summary>Runs a short command to completion, streaming its output; throws with its output on failure.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, ResourceLogger log,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        await using var child = Start(fileName, arguments, environment ?? new Dictionary<string, string>(), log, expectExit: true);
        await child._process.WaitForExitAsync(cancellationToken);
        if (child._process.ExitCode != 0)
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' failed with exit code {child._process.ExitCode}.");
    }
}
