namespace CreatorMeta.AppHost.Hosting;

/// <summary>Something the AppHost starts (or adopts), waits on, and stops: a server, a database, a service.</summary>
public abstract class Resource(string name)
{
    /// <summary>Generous, because on a loaded two-core machine (a build or a test run beside it) everything starts slowly.</summary>
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(180);

    public string Name { get; } = name;

    /// <summary>How long it may take to start and become healthy; the builder sets the AppHost's setting.</summary>
    public TimeSpan StartTimeout { get; set; } = DefaultStartTimeout;

    /// <summary>Resources that must be healthy before this one starts.</summary>
    public List<Resource> WaitsFor { get; } = [];

    public abstract Task StartAsync(ResourceLogger log, CancellationToken cancellationToken);

    public abstract Task WaitUntilHealthyAsync(CancellationToken cancellationToken);

    public virtual Task StopAsync() => Task.CompletedTask;
}

/// <summary>A resource others reach by connection string, passed as <c>ConnectionStrings__{name}</c>.</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }
    string ConnectionString { get; }
}

/// <summary>A resource others reach by URL, passed as <c>services__{name}__{endpoint}__0</c>.</summary>
public interface IResourceWithEndpoints
{
    string Name { get; }
    IReadOnlyDictionary<string, Uri> Endpoints { get; }
}

/// <summary>The resource that could not start and why: the reason's first line is the gist, any further lines show it.</summary>
public sealed class ResourceStartException(string resourceName, string reason) : Exception($"{resourceName}: {reason}")
{
    public string ResourceName { get; } = resourceName;
    public string Reason { get; } = reason;

    /// <summary>The one line to look for in a log: which resource failed, and the gist of why.</summary>
    public string Headline => $"apphost | START-UP FAILED: {ResourceName}: {Reason.Split('\n')[0]}";

    /// <summary>The headline with the lines that show the reason under it.</summary>
    public string Report => $"apphost | START-UP FAILED: {Message}";

    /// <summary>Names the resource; inner exceptions often hold the part that explains (Npgsql's "Connection refused"), so they join the gist.</summary>
    public static ResourceStartException Of(string resourceName, Exception e)
    {
        if (e is ResourceStartException named)
            return named;
        var lines = e.Message.Split('\n', 2);
        var gist = lines[0];
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (!gist.Contains(inner.Message))
                gist += $" ({inner.Message.ReplaceLineEndings(" ")})";
        return new ResourceStartException(resourceName, lines.Length == 1 ? gist : $"{gist}\n{lines[1]}");
    }
}
