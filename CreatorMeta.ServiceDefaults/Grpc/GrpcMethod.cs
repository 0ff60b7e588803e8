using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CreatorMeta.ServiceDefaults.Grpc;

/// <summary>
/// One unary method of a contract-first service, taken from the .proto's own descriptor so the path and the
/// message types cannot drift from the contract.
/// </summary>
public sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : IMessage<TRequest>, new()
    where TResponse : IMessage<TResponse>, new()
{
    private GrpcMethod(string path) => Path = path;

    /// <summary>The HTTP/2 :path, "/package.Service/Method".</summary>
    public string Path { get; }

    public MessageParser<TRequest> RequestParser { get; } = new(() => new TRequest());
    public MessageParser<TResponse> ResponseParser { get; } = new(() => new TResponse());

    public static GrpcMethod<TRequest, TResponse> From(ServiceDescriptor service, string methodName)
    {
        var method = service.FindMethodByName(methodName)
            ?? throw new ArgumentException($"{service.FullName} has no method {methodName}.");
        if (method.IsClientStreaming || method.IsServerStreaming)
            throw new ArgumentException($"{method.FullName} is streaming; only unary methods are supported.");
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
            throw new ArgumentException($"{method.FullName} takes {method.InputType.Name} and returns {method.OutputType.Name}.");
        return new GrpcMethod<TRequest, TResponse>($"/{service.FullName}/{method.Name}");
    }
}
