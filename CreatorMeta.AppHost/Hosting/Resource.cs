namespace CreatorMeta.AppHost.Hosting;

/// <summary>Something the AppHost starts (or adopts), waits on, and stops: a server, a database, a service.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

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
