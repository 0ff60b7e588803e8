using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorMeta.ServiceDefaults.Trust;

/// <summary>
/// Services trust only the gateway: every request but health and API documentation must carry the gateway's signed claim
/// as "Authorization: Bearer", gRPC calls between services included (they pass on the claim of the request that made
/// them). Without a valid one a service answers 401 (UNAUTHENTICATED for gRPC), whatever headers the caller set.
/// </summary>
public static class GatewayTrust
{
    public static IServiceCollection AddGatewayTrust(this IServiceCollection services)
    {
        // The key is imported at start, so a service with a missing or malformed key fails there, not on every request.
        services.AddOptions<TrustOptions>().BindConfiguration("Trust")
            .Validate(o => o.Lifetime > TimeSpan.Zero && (o.SigningKey is not null || Imports(o.VerificationKey)),
                "Trust:VerificationKey (environment Trust__VerificationKey) must be the gateway's public key, base64 SubjectPublicKeyInfo.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<ClaimVerifier>();
        services.AddHttpContextAccessor();
        return services;
    }

    public static IApplicationBuilder UseGatewayTrust(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/health") || path.StartsWithSegments("/alive") || path.StartsWithSegments("/openapi"))
        {
            await next(context);
            return;
        }
        var claim = BearerToken(context.Request) is { } token
            ? await context.RequestServices.GetRequiredService<ClaimVerifier>().VerifyAsync(token)
            : null;
        var admin = path.StartsWithSegments("/admin");
        var allowed = claim is not null && (admin ? claim.Role == CallerClaim.AdminRole
            : claim.Role == CallerClaim.MemberRole && WorkspaceId.IsValid(claim.WorkspaceId));
        if (!allowed)
        {
            await RefuseAsync(context, claim is null ? "Requests must come through the gateway, which signs who they act for." : "This caller may not use this route.");
            return;
        }
        context.Features.Set(claim);
        await next(context);
    });

    private static bool Imports(string? publicKey)
    {
        try
        {
            using var key = publicKey is null ? null : ClaimTokens.ImportPublicKey(publicKey);
            return key is not null;
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    private static Task RefuseAsync(HttpContext context, string detail)
    {
        if (GrpcServerExtensions.IsGrpc(context.Request))
        {
            context.Response.ContentType = GrpcWire.ContentType;
            GrpcServerExtensions.WriteStatus(context.Response, GrpcStatusCode.Unauthenticated, detail);
            return Task.CompletedTask;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail).ExecuteAsync(context);
    }
}
