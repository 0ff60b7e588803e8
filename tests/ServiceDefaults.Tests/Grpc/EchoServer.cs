using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Tests.Grpc.Interop;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorMeta.ServiceDefaults.Tests.Grpc;

/// <summary>The Echo contract served by our transport on a real Kestrel h2c endpoint.</summary>
public sealed class EchoServer : IAsyncLifetime
{
    public static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = EchoReflection.Descriptor.Services[0];
    public static readonly GrpcMethod<SayRequest, SayReply> Say = GrpcMethod<SayRequest, SayReply>.From(Service, "Say");
    public static readonly GrpcMethod<SayRequest, SayReply> Unheard = GrpcMethod<SayRequest, SayReply>.From(Service, "Unheard");

    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.MapGrpcUnary(Say, async (request, call) =>
        {
            var deadline = call.HttpContext.Request.Headers["grpc-timeout"].ToString();
            await Task.Delay(request.SleepMs, call.CancellationToken);
            if (request.FailWith != 0)
                throw new GrpcException((GrpcStatusCode)request.FailWith, request.FailMessage);
            return new SayReply
            {
                Text = "echo: " + request.Text,
                DeadlineMs = (long)(GrpcWire.ParseTimeout(deadline)?.TotalMilliseconds ?? 0),
            };
        });
        _app.MapGrpcUnimplementedFallback();
        await _app.StartAsync();
        var port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }
}
