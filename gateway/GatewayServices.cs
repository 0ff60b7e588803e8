using CreatorMeta.Gateway.Auth;
using CreatorMeta.Gateway.Forwarding;
using CreatorMeta.Gateway.OpenApi;
using CreatorMeta.Gateway.Routing;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Resilience;
using CreatorMeta.ServiceDefaults.Telemetry;
using CreatorMeta.ServiceDefaults.Health;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Trust;

namespace CreatorMeta.Gateway;

public static class GatewayServices
{
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration("Gateway").ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = RequestTargetLimit.KestrelLimit;
        });

        builder.AddServiceDataSource(ResourceNames.Gateway);
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddOptions<TrustOptions>().BindConfiguration("Trust")
            .Validate(o => o.SigningKey is not null, "Trust:SigningKey (environment Trust__SigningKey) must be the gateway's private key.").ValidateOnStart();
        builder.Services.AddSingleton<ClaimIssuer>();
        builder.Services.AddPerKeyRateLimiting();
        builder.Services.AddSingleton<Forwarder>();
        builder.Services.AddHttpClient(Forwarder.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(sp => new ResilienceHandler(sp.GetRequiredService<PerHostPipelines>()));
        builder.Services.AddSingleton(new PerHostPipelines(TimeSpan.FromSeconds(options.UpstreamTimeoutSeconds)));
        return builder;
    }

    /// <summary>The gateway's pipeline: problems for every error, then authentication, then rate limiting.</summary>
    public static WebApplication UseGatewayDefaults(this WebApplication app)
    {
        app.UseHttpActivityTags();
        app.UseProblemDefaults();
        app.UseRequestTargetLimit();
        app.UseStorableRequestText();
        app.UseApiKeyAuthentication();
        app.UseRateLimiter();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "docs";
            ui.SwaggerEndpoint(ApiDocs.DocumentPath, "CreatorMeta API v1");
            ui.DocumentTitle = "CreatorMeta API";
        });
        return app;
    }
}
