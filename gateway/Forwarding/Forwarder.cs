using CreatorMeta.Gateway.Auth;
using CreatorMeta.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Gateway.Forwarding;

/// <summary>
/// Streams a request to a service and its response back, without buffering either body: our small stand-in for
/// YARP (docs/decisions/0006-gateway.md). Hop-by-hop headers stay on their hop; the caller's signed claim (who the request
/// acts for, docs/decisions/0010) and X-Forwarded-* are ours.
/// </summary>
public sealed class Forwarder(IHttpClientFactory clients, IConfiguration configuration, IOptions<GatewayOptions> options, ClaimIssuer claims,
    ILogger<Forwarder> logger)
{
    public const string ClientName = "forwarder";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer",
        "Transfer-Encoding", "Upgrade", "Host",
        // Never forwarded: the caller's key stays at the edge, and only our signed claim says whom a request acts for.
        // X-Workspace-Id is what services once trusted; no caller's copy of it travels on.
        "Authorization", "X-Workspace-Id", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host",
    };

    /// <summary>
    /// Forwards the request to <paramref name="service"/>, at its own path unless <paramref name="path"/> says otherwise,
    /// acting for the authenticated caller unless <paramref name="caller"/> says otherwise (the administration key's routes).
    /// </summary>
    public async Task ForwardAsync(HttpContext context, string service, string? path = null, Caller? caller = null)
    {
        caller ??= context.Features.Get<Caller>()!;
        if (context.Request.ContentLength > options.Value.MaxRequestBodyBytes)
        {
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"Bodies are limited to {options.Value.MaxRequestBodyBytes} bytes.");
            return;
        }
        var target = ServiceAddresses.Resolve(configuration, service, "http");
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method),
            new Uri(target, (path ?? context.Request.Path.ToUriComponent()) + context.Request.QueryString.Value));
        CopyRequestHeaders(context, request);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", claims.TokenFor(caller));

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (Exception e) when (FindBadRequest(e) is { } bad)
        {
            // Kestrel's body limit tripped while the body streamed upstream (chunked bodies have no length to check first).
            await Problem(context, bad.StatusCode, "Request body too large", bad.Message);
            return;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Forwarding {Method} {Path} to {Service} failed: {Error}", context.Request.Method, context.Request.Path, service, e.Message);
            var timedOut = e is not HttpRequestException;
            await Problem(context, timedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway,
                timedOut ? "Upstream timeout" : "Service unavailable", $"The {service} service did not answer; try again shortly.");
            return;
        }
        using (response)
        {
            if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType is null)
            {
                // A refusal a service's Kestrel made before our code ran (a malformed request line, say) has no body:
                // the caller still gets a problem.
                await Problem(context, (int)response.StatusCode, response.ReasonPhrase ?? "Request refused", $"The {service} service refused the request.");
                return;
            }
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
                if (!HopByHop.Contains(header.Key))
                    context.Response.Headers[header.Key] = header.Value.ToArray();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }

    private static void CopyRequestHeaders(HttpContext context, HttpRequestMessage request)
    {
        var incoming = context.Request;
        var named = incoming.Headers.Connection.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
            request.Content = new StreamContent(incoming.Body);
        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name) || named.Contains(name))
                continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", incoming.Scheme);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", incoming.Host.Value);
    }

    private static BadHttpRequestException? FindBadRequest(Exception? e) =>
        e is null ? null : e as BadHttpRequestException ?? FindBadRequest(e.InnerException);

    private static Task Problem(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
}
