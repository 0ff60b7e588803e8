using Npgsql;

namespace CreatorMeta.AppHost.Hosting;

/// <summary>
/// A private PostgreSQL cluster on a free loopback port, with its data under the AppHost's state directory
/// (run as the postgres user when the AppHost runs as root) — or a server the user supplied.
/// </summary>
public sealed class PostgresServerResource(string name, string stateDirectory, string? externalConnectionString)
    : Resource(name), IResourceWithConnectionString
{
    private readonly string _dataDirectory = Path.Combine(stateDirectory, "postgres");
    private ResourceLogger? _log;
    private CancellationTokenSource? _tail;
    private bool _started;

    public string ConnectionString { get; private set; } = externalConnectionString ?? "";

    public override async Task StartAsync(ResourceLogger log, CancellationToken cancellationToken)
    {
        _log = log;
        if (externalConnectionString is not null)
        {
            log.Line("using the PostgreSQL server from ConnectionStrings__postgres");
            return;
        }
        var bin = Prerequisites.PostgresBin();
        var port = Ports.Free();
        Directory.CreateDirectory(stateDirectory);
        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            Directory.CreateDirectory(_dataDirectory);
            if (Posix.IsRoot)
                await ChildProcess.RunAsync("chown", ["postgres:postgres", stateDirectory, _dataDirectory], log, cancellationToken: cancellationToken);
            await AsPostgres(Path.Combine(bin, "initdb"), ["--auth=trust", "--no-sync", "--username=postgres", "--encoding=UTF8", "--locale=C", "-D", _dataDirectory], cancellationToken);
        }
        else if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            // Left running by an AppHost that was killed outright: stop it rather than fail on the lock.
            log.Line("stopping a cluster left running by an earlier AppHost");
            await TryStopAsync(bin);
        }
        var logFile = Path.Combine(stateDirectory, "postgres.log");
        File.WriteAllText(logFile, "");
        if (Posix.IsRoot)
            await ChildProcess.RunAsync("chown", ["postgres:postgres", logFile], log, cancellationToken: cancellationToken);
        _tail = new CancellationTokenSource();
        _ = TailAsync(logFile, log, _tail.Token);
        // Tuned for short transactions: JIT compiling costs more than it saves on queries that take a millisecond, and
        // the default 128 MB of shared buffers cannot hold the hot indexes of a library with a million assets.
        await AsPostgres(Path.Combine(bin, "pg_ctl"), ["-D", _dataDirectory, "-l", logFile, "-w", "-t", $"{StartTimeout.TotalSeconds:0}", "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300 -c jit=off -c shared_buffers=512MB",
            "start"], cancellationToken);
        _started = true;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    public override async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException e) when (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"accepted no connection within {StartTimeout.TotalSeconds:0} s: {e.Message}", e);
            }
            catch (NpgsqlException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    public override async Task StopAsync()
    {
        if (_started)
            await TryStopAsync(Prerequisites.PostgresBin());
        _tail?.Cancel();
    }

    private async Task TryStopAsync(string bin)
    {
        try
        {
            await AsPostgres(Path.Combine(bin, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException e)
        {
            _log?.Line(e.Message.Split('\n')[0]); // its lines are in the log just above
        }
    }

    /// <summary>PostgreSQL refuses to run as root, so as root every command runs as the postgres user.</summary>
    private Task AsPostgres(string program, string[] arguments, CancellationToken cancellationToken) => Posix.IsRoot
        ? ChildProcess.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], _log!, cancellationToken: cancellationToken)
        : ChildProcess.RunAsync(program, arguments, _log!, cancellationToken: cancellationToken);

    private static async Task TailAsync(string path, ResourceLogger log, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(CancellationToken.None);
            if (line is not null)
                log.Line(line);
            else
                await Task.Delay(200, CancellationToken.None);
        }
    }
}
