using CreatorMeta.Gateway.Forwarding;
using CreatorMeta.ServiceDefaults;

namespace CreatorMeta.Gateway.Routing;

/// <summary>The public surface: which service answers each /api/v1 route. The most specific pattern wins.</summary>
public static class GatewayRoutes
{
    public static readonly IReadOnlyList<(string Pattern, string Service)> Table =
    [
        ("/api/v1/assets/{id}/performance", ResourceNames.MetricsIngestion),
        ("/api/v1/assets/{**rest}", ResourceNames.Tracking),
        ("/api/v1/publications/{id}/metrics", ResourceNames.MetricsIngestion),
        ("/api/v1/publications/{**rest}", ResourceNames.Tracking),
        ("/api/v1/repurposing/{**rest}", ResourceNames.Tracking),
        ("/api/v1/accounts/{**rest}", ResourceNames.Tracking),
        ("/api/v1/metrics/{**rest}", ResourceNames.MetricsIngestion),
        ("/api/v1/hashtags/{**rest}", ResourceNames.Hashtags),
        ("/api/v1/calendar/{**rest}", ResourceNames.Calendar),
        ("/api/v1/analytics/{**rest}", ResourceNames.Analytics),
    ];

    public static IEndpointRouteBuilder MapGatewayRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var (pattern, service) in Table)
            app.Map(pattern, (HttpContext context, Forwarder forwarder) => forwarder.ForwardAsync(context, service))
                .ExcludeFromDescription()
                .RequireRateLimiting(RateLimiting.PerApiKey);
        app.Map("/api/{**rest}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "No such API route; see /docs for every route.")).ExcludeFromDescription();
        return app;
    }
}
