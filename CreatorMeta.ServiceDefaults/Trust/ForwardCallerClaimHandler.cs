using Microsoft.AspNetCore.Http;

namespace CreatorMeta.ServiceDefaults.Trust;

/// <summary>A gRPC call made while serving a request carries that request's claim, so the called service checks the same caller.</summary>
public sealed class ForwardCallerClaimHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Request is { } incoming && GatewayTrust.BearerToken(incoming) is { } token)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
