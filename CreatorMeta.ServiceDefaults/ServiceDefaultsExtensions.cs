using CreatorMeta.ServiceDefaults.Health;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Telemetry;
using CreatorMeta.ServiceDefaults.Trust;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreatorMeta.ServiceDefaults;

/// <summary>What every CreatorMeta service has, in the shape of Aspire's ServiceDefaults.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Telemetry, JSON logs, health checks, problem details and OpenAPI.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddProblemDefaults();
        builder.Services.AddGatewayTrust();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            json.SerializerOptions.Converters.Add(new StorableText.JsonConverter());
        });
        return builder;
    }

    /// <summary>The middleware and endpoints every service shares; a service then maps its own APIs.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseHttpActivityTags();
        app.UseProblemDefaults();
        app.UseStorableRequestText();
        app.UseGatewayTrust();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        return app;
    }
}
