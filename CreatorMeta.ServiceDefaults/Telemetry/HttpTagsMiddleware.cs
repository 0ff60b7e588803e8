using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace CreatorMeta.ServiceDefaults.Telemetry;

/// <summary>
/// .NET 10's request activity carries no http.* tags without the instrumentation package, so traces would not say
/// what was called or how it ended; this adds the semantic-convention tags and names the span by its route.
/// </summary>
public static class HttpTagsMiddleware
{
    public static IApplicationBuilder UseHttpActivityTags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } activity)
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
                activity.SetTag("http.request.method", context.Request.Method);
                activity.SetTag("url.path", context.Request.Path.Value);
                activity.SetTag("url.scheme", context.Request.Scheme);
                activity.SetTag("network.protocol.version", context.Request.Protocol.Replace("HTTP/", ""));
                activity.SetTag("http.response.status_code", context.Response.StatusCode);
                if (route is not null)
                {
                    activity.SetTag("http.route", route);
                    activity.DisplayName = $"{context.Request.Method} {route}";
                }
            }
        }
    });
}
