using CreatorMeta.ServiceDefaults.Trust;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Gateway.Auth;

public static class ApiKeyAuthentication
{
    /// <summary>Every /api request must carry "Authorization: Bearer &lt;key&gt;"; the caller is kept for rate limiting and forwarding.</summary>
    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var key = GatewayTrust.BearerToken(context.Request);
        var caller = key is null ? null : await context.RequestServices.GetRequiredService<ApiKeyStore>().FindAsync(key, context.RequestAborted);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: key is null ? "Send an API key as 'Authorization: Bearer <key>'." : "The API key is not valid.").ExecuteAsync(context);
            return;
        }
        context.Features.Set(caller);
        await next(context);
    });

    /// <summary>/admin routes need the administration key.</summary>
    public static bool IsAdmin(HttpContext context) =>
        GatewayTrust.BearerToken(context.Request) is { } key && ApiKeys.Matches(key, context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.AdminApiKey);

}
