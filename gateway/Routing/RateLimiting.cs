using System.Globalization;
using System.Threading.RateLimiting;
using CreatorMeta.Gateway.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Gateway.Routing;

/// <summary>A token bucket per API key: bursts are fine, a sustained flood gets 429 with Retry-After.</summary>
public static class RateLimiting
{
    public const string PerApiKey = "per-api-key";

    public static IServiceCollection AddPerKeyRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>>((limiter, gateway) =>
        {
            var options = gateway.Value;
            limiter.AddPolicy(PerApiKey, context => context.Features.Get<Caller>() is { } caller
                ? RateLimitPartition.GetTokenBucketLimiter(caller.KeyId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.BurstPerKey,
                    TokensPerPeriod = options.RequestsPerSecondPerKey,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(Guid.Empty));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This API key is over its rate limit; retry after {seconds} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }
}
