using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorMeta.ServiceDefaults.Grpc;

/// <summary>What a unary handler gets besides its request: the HTTP context and a token that fires at the caller's deadline.</summary>
public sealed record GrpcCallContext(HttpContext HttpContext, CancellationToken CancellationToken)
{
    public T GetRequiredService<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>The workspace the request names, which must be the one the caller's signed claim is for.</summary>
    public string RequireWorkspace(string requested) =>
        HttpContext.Features.Get<Trust.CallerClaim>()?.WorkspaceId is { } claimed && claimed == requested && Workspaces.WorkspaceId.IsValid(requested)
            ? requested
            : throw new GrpcException(GrpcStatusCode.PermissionDenied, "workspace_id is not the workspace this call was authorized for.");
}

/// <summary>Maps contract-first unary gRPC methods onto Kestrel endpoints (see docs/decisions/0002-grpc-transport.md).</summary>
public static class GrpcServerExtensions
{
    public static IEndpointConventionBuilder MapGrpcUnary<TRequest, TResponse>(
        this IEndpointRouteBuilder app,
        GrpcMethod<TRequest, TResponse> method,
        Func<TRequest, GrpcCallContext, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new() =>
        app.MapPost(method.Path, (HttpContext http) => HandleUnaryAsync(http, method, handler))
            .ExcludeFromDescription();

    /// <summary>Answers any other "/Service/Method" gRPC call with UNIMPLEMENTED, as the protocol requires.</summary>
    public static IEndpointConventionBuilder MapGrpcUnimplementedFallback(this IEndpointRouteBuilder app) =>
        app.MapPost("/{service}/{method}", (HttpContext http) =>
        {
            if (!IsGrpc(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            http.Response.ContentType = GrpcWire.ContentType;
            WriteStatus(http.Response, GrpcStatusCode.Unimplemented, $"Method {http.Request.Path} is not implemented.");
            return Task.CompletedTask;
        }).ExcludeFromDescription();

    private static async Task HandleUnaryAsync<TRequest, TResponse>(
        HttpContext http, GrpcMethod<TRequest, TResponse> method, Func<TRequest, GrpcCallContext, Task<TResponse>> handler)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new()
    {
        if (!IsGrpc(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        var timeout = GrpcWire.ParseTimeout(http.Request.Headers["grpc-timeout"]);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        if (timeout is { } t)
            deadline.CancelAfter(t);
        http.Response.ContentType = GrpcWire.ContentType;
        try
        {
            var body = await ReadBodyAsync(http.Request.Body, deadline.Token);
            var request = GrpcWire.ReadSingleFrame(body, method.RequestParser);
            var reply = await handler(request, new GrpcCallContext(http, deadline.Token));
            await http.Response.Body.WriteAsync(GrpcWire.Frame(reply), deadline.Token);
            WriteStatus(http.Response, GrpcStatusCode.Ok, null);
        }
        catch (GrpcException e)
        {
            WriteStatus(http.Response, e.Status, e.Detail);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var status = http.RequestAborted.IsCancellationRequested ? GrpcStatusCode.Cancelled : GrpcStatusCode.DeadlineExceeded;
            WriteStatus(http.Response, status, "The call's deadline passed or the caller cancelled it.");
        }
        catch (Exception e)
        {
            // The caller learns only that it failed; the details stay in our logs.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CreatorMeta.Grpc")
                .LogError(e, "gRPC method {Method} failed", method.Path);
            WriteStatus(http.Response, GrpcStatusCode.Internal, "Internal error.");
        }
    }

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith(GrpcWire.ContentType, StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > GrpcWire.MaxMessageBytes + 5)
                throw new GrpcException(GrpcStatusCode.ResourceExhausted, "Request message is too large.");
        }
        return buffer.ToArray();
    }

    /// <summary>Status goes in trailers after a message, or alone in the headers ("trailers-only") when nothing was sent.</summary>
    internal static void WriteStatus(HttpResponse response, GrpcStatusCode status, string? detail)
    {
        var code = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.HasStarted && response.SupportsTrailers())
        {
            response.AppendTrailer("grpc-status", code);
            if (detail is not null)
                response.AppendTrailer("grpc-message", GrpcWire.EncodeMessage(detail));
            return;
        }
        response.Headers["grpc-status"] = code;
        if (detail is not null)
            response.Headers["grpc-message"] = GrpcWire.EncodeMessage(detail);
    }
}
