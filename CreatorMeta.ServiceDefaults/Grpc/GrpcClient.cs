using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Polly;

namespace CreatorMeta.ServiceDefaults.Grpc;

/// <summary>
/// Calls unary gRPC methods over HTTP/2 cleartext with prior knowledge. Every call carries a deadline
/// (grpc-timeout) and runs through a resilience pipeline that retries only UNAVAILABLE.
/// </summary>
public sealed class GrpcClient(HttpClient http, ResiliencePipeline pipeline)
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(5);

    public async Task<TResponse> CallAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, TimeSpan? deadline = null, CancellationToken cancellationToken = default)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new()
    {
        var expiresAt = DateTimeOffset.UtcNow + (deadline ?? DefaultDeadline);
        try
        {
            return await pipeline.ExecuteAsync(
                async token => await SendOnceAsync(method, request, expiresAt - DateTimeOffset.UtcNow, token),
                cancellationToken);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"{method.Path}: the service is failing; calls are paused.");
        }
    }

    private async Task<TResponse> SendOnceAsync<TRequest, TResponse>(
        GrpcMethod<TRequest, TResponse> method, TRequest request, TimeSpan remaining, CancellationToken cancellationToken)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new()
    {
        if (remaining <= TimeSpan.Zero)
            throw new GrpcException(GrpcStatusCode.DeadlineExceeded, "Deadline passed before the call was sent.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(remaining);
        using var message = new HttpRequestMessage(HttpMethod.Post, method.Path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(GrpcWire.Frame(request)),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(GrpcWire.ContentType);
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        message.Headers.Add("grpc-timeout", GrpcWire.FormatTimeout(remaining));
        try
        {
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new GrpcException(FromHttpStatus(response.StatusCode), $"HTTP {(int)response.StatusCode} from {method.Path}.");
            ThrowIfFailed(response.Headers); // trailers-only answer: the status is in the headers
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            if (!ThrowIfFailed(response.TrailingHeaders))
                throw new GrpcException(GrpcStatusCode.Internal, "The response carried no grpc-status.");
            return GrpcWire.ReadSingleFrame(body, method.ResponseParser);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GrpcException(GrpcStatusCode.DeadlineExceeded, $"{method.Path} did not answer within its deadline.");
        }
        catch (HttpRequestException e)
        {
            throw new GrpcException(GrpcStatusCode.Unavailable, $"{method.Path}: {e.Message}");
        }
    }

    /// <summary>Returns whether a status was present; throws when it is not OK.</summary>
    private static bool ThrowIfFailed(HttpHeaders headers)
    {
        if (!headers.TryGetValues("grpc-status", out var values))
            return false;
        var code = int.Parse(values.First(), CultureInfo.InvariantCulture);
        if (code == 0)
            return true;
        var detail = headers.TryGetValues("grpc-message", out var messages) ? GrpcWire.DecodeMessage(messages.First()) : "";
        throw new GrpcException((GrpcStatusCode)code, detail);
    }

    // The mapping gRPC specifies for responses that are not gRPC at all (grpc/doc/http-grpc-status-mapping.md).
    private static GrpcStatusCode FromHttpStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => GrpcStatusCode.Internal,
        HttpStatusCode.Unauthorized => GrpcStatusCode.Unauthenticated,
        HttpStatusCode.Forbidden => GrpcStatusCode.PermissionDenied,
        HttpStatusCode.NotFound => GrpcStatusCode.Unimplemented,
        HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };
}
