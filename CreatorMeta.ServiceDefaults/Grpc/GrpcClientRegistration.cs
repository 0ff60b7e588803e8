using CreatorMeta.ServiceDefaults.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Polly;

namespace CreatorMeta.ServiceDefaults.Grpc;

/// <summary>Registers typed gRPC clients whose address comes from Aspire-style service discovery configuration.</summary>
public static class GrpcClientRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/>, constructed with a <see cref="GrpcClient"/> aimed at
    /// <c>services:{service}:grpc:0</c>.
    /// </summary>
    public static IServiceCollection AddGrpcClient<TClient>(this IServiceCollection services, string service) where TClient : class
    {
        var name = $"grpc-{service}";
        services.AddHttpClient(name, (sp, http) =>
            {
                http.BaseAddress = ServiceAddresses.Resolve(sp.GetRequiredService<IConfiguration>(), service, "grpc");
                http.DefaultRequestVersion = System.Net.HttpVersion.Version20;
                http.Timeout = Timeout.InfiniteTimeSpan; // each call carries its own deadline
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(sp => ActivatorUtilities.CreateInstance<Trust.ForwardCallerClaimHandler>(sp));
        // One pipeline per target service, so its circuit breaker sees every call to that service.
        services.TryAddKeyedSingleton(name, (_, _) => ResiliencePipelines.ForGrpc());
        services.AddTransient(sp => ActivatorUtilities.CreateInstance<TClient>(sp, new GrpcClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), sp.GetRequiredKeyedService<ResiliencePipeline>(name))));
        return services;
    }
}
