using System.Diagnostics;

namespace CreatorMeta.AppHost.Hosting;

/// <summary>A process the AppHost owns: its output is streamed with the resource's prefix and it is always stopped.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    // Enough for an exception's message and the log lines before it, few enough to quote in one error message.
    private const int TailLength = 20;
    private readonly Process _process;
    private readonly ResourceLogger _log;
    private readonly Queue<string> _tail = new();
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
        process.OutputDataReceived += (_, e) => child.Received(e.Data);
        process.ErrorDataReceived += (_, e) => child.Received(e.Data);
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

    /// <summary>Its last lines of output, indented, to quote under an error message.</summary>
    public string LastLines
    {
        get
        {
            lock (_tail)
                return string.Join('\n', _tail.Select(line => "    " + line));
        }
    }

    /// <summary>
    /// Once it has exited, why, standing on its own: the exit code and the gist (an unhandled exception's message if it
    /// printed one, else its last line), then its last lines.
    /// </summary>
    public async Task<string> ExitReasonAsync()
    {
        // Its last lines may still be in the pipe; a grandchild holding the pipe open must not stall the report.
        using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(drained.Token);
        }
        catch (OperationCanceledException)
        {
            // report what has arrived
        }
        string gist;
        lock (_tail)
            gist = _tail.LastOrDefault(line => line.StartsWith("Unhandled exception.", StringComparison.Ordinal)) ?? _tail.LastOrDefault() ?? "no output";
        return $"exited with code {_process.ExitCode}: {gist}\n{LastLines}";
    }

    private void Received(string? line)
    {
        if (line is null)
            return;
        _log.Line(line);
        // Blank lines and stack frames would push the exception's own message out of the tail; frames are in the log above.
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed.StartsWith("at ", StringComparison.Ordinal) || trimmed.StartsWith("--- End of", StringComparison.Ordinal))
            return;
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLength)
                _tail.Dequeue();
        }
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

    /// <summary>Runs a short command to completion, streaming its output; throws with its last lines on failure.</summary>
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, ResourceLogger log,
        IReadOnlyDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        await using var child = Start(fileName, arguments, environment ?? new Dictionary<string, string>(), log, expectExit: true);
        await child._process.WaitForExitAsync(cancellationToken);
        if (child._process.ExitCode != 0)
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' {await child.ExitReasonAsync()}");
    }
}
