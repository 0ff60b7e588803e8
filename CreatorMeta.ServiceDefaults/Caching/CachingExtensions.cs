using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CreatorMeta.ServiceDefaults.Caching;

public static class CachingExtensions
{
    /// <summary>
    /// A <see cref="WorkspaceCache{TCopy}"/> of copies read by <paramref name="read"/> from the service's database, kept
    /// while nothing changes: the service's triggers notify <paramref name="channel"/> with the workspace of every
    /// committed change to what the copies are read from.
    /// </summary>
    public static IServiceCollection AddWorkspaceCache<TCopy>(this IServiceCollection services, string channel,
        Func<NpgsqlDataSource, string, CancellationToken, Task<TCopy>> read, Func<IServiceProvider, int> maxSize)
        where TCopy : class, IWorkspaceCopy
    {
        services.AddSingleton(provider =>
        {
            var dataSource = provider.GetRequiredService<NpgsqlDataSource>();
            return new WorkspaceCache<TCopy>((workspace, token) => read(dataSource, workspace, token),
                provider.GetRequiredService<ILogger<WorkspaceCache<TCopy>>>(), maxSize(provider));
        });
        services.AddHostedService(provider => new WorkspaceChangesListener<TCopy>(provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<WorkspaceCache<TCopy>>(), channel, provider.GetRequiredService<ILogger<WorkspaceChangesListener<TCopy>>>()));
        return services;
    }
}
