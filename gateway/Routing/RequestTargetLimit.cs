namespace CreatorMeta.Gateway.Routing;

/// <summary>
/// A request target longer than a service's Kestrel takes (8 KiB for the whole request line) is refused here, as a
/// problem, instead of reaching the service and coming back as a bare 414. The gateway's own Kestrel accepts up to
/// <see cref="KestrelLimit"/> so that such targets reach this check at all.
/// </summary>
public static class RequestTargetLimit
{
    public const int MaxTargetLength = 8000;
    public const int KestrelLimit = 64 * 1024;

    public static IApplicationBuilder UseRequestTargetLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var length = context.Request.Path.ToUriComponent().Length + (context.Request.QueryString.Value?.Length ?? 0);
        if (length > MaxTargetLength)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status414RequestUriTooLong, title: "URI too long",
                detail: $"Paths with their query strings are limited to {MaxTargetLength} characters.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
