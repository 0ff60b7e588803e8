namespace CreatorMeta.AppHost.Hosting;

/// <summary>
/// A private RabbitMQ node from Debian's package, started directly with every port, directory and its own epmd
/// private to the AppHost, so a system-wide broker is never touched — or a broker the user supplied.
/// </summary>
public sealed class RabbitMQServerResource(string name, string stateDirectory, string? externalConnectionString)
    : Resource(name), IResourceWithConnectionString
{
    private readonly string _directory = Path.Combine(stateDirectory, "rabbitmq");
    private readonly Dictionary<string, string> _environment = [];
    private ChildProcess? _process;
    private ResourceLogger? _log;
    private int _port, _managementPort;

    public string ConnectionString { get; private set; } = externalConnectionString ?? "";

    /// <summary>Whether the private node serves its management API: the tests make a virtual host per service through it.</summary>
    public bool WithManagement { get; set; }

    /// <summary>The private node's management API, when <see cref="WithManagement"/>; null otherwise and for a user's own broker.</summary>
    public Uri? ManagementUri => _managementPort == 0 ? null : new Uri($"http://guest:guest@127.0.0.1:{_managementPort}/");

    public override Task StartAsync(ResourceLogger log, CancellationToken cancellationToken)
    {
        _log = log;
        if (externalConnectionString is not null)
        {
            log.Line("using the broker from ConnectionStrings__messaging");
            return Task.CompletedTask;
        }
        Prerequisites.RequireRabbitMq();
        foreach (var folder in new[] { "home", "mnesia", "log" })
            Directory.CreateDirectory(Path.Combine(_directory, folder));
        if (_environment.Count == 0)
            ConfigureNode();
        File.WriteAllText(Path.Combine(_directory, "rabbitmq.conf"), "loopback_users = none\n"
            + (_managementPort == 0 ? "" : $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {_managementPort}\n"));
        File.WriteAllText(Path.Combine(_directory, "enabled_plugins"), _managementPort == 0 ? "[].\n" : "[rabbitmq_management].\n");
        _process = ChildProcess.Start("setsid", [Prerequisites.RabbitMqServer], _environment, log);
        ConnectionString = $"amqp://guest:guest@127.0.0.1:{_port}/";
        return Task.CompletedTask;
    }

    /// <summary>Ports and directories are chosen once, so a stopped node starts again as the same broker at the same address.</summary>
    private void ConfigureNode()
    {
        _port = Ports.Free();
        _managementPort = WithManagement ? Ports.Free() : 0;
        _environment["HOME"] = Path.Combine(_directory, "home"); // the Erlang cookie lives here, for rabbitmqctl too
        _environment["RABBITMQ_NODENAME"] = "creatormeta@localhost";
        _environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        _environment["RABBITMQ_NODE_PORT"] = _port.ToString();
        _environment["RABBITMQ_DIST_PORT"] = Ports.Free().ToString();
        _environment["ERL_EPMD_PORT"] = Ports.Free().ToString();
        _environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        _environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        _environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        _environment["RABBITMQ_LOGS"] = "-";
        _environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf");
        _environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins");
    }

    public override async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        if (_process is null)
            return;
        foreach (var port in new[] { _port, _managementPort }.Where(port => port != 0))
            await Ports.WaitUntilListeningAsync(port, _process, StartTimeout, "RabbitMQ", cancellationToken);
    }

    public override async Task StopAsync()
    {
        if (_process is null)
            return;
        try
        {
            await ChildProcess.RunAsync(Prerequisites.RabbitMqCtl, ["stop"], _log!, _environment);
        }
        catch (InvalidOperationException e)
        {
            _log!.Line(e.Message.Split('\n')[0]); // its lines are in the log just above
        }
        await _process.StopAsync(TimeSpan.FromSeconds(15));
        _process = null;
        try
        {
            await ChildProcess.RunAsync(Prerequisites.Epmd, ["-port", _environment["ERL_EPMD_PORT"], "-kill"], _log!);
        }
        catch (InvalidOperationException)
        {
            // epmd had already gone with the node.
        }
    }
}
