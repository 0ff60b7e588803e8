using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorMeta.Gateway.Tests;

/// <summary>A stand-in service behind the gateway that answers with what it received, so forwarding can be inspected.</summary>
public sealed class EchoUpstream : IAsyncDisposable
{
    private WebApplication _app = null!;
    private int _requests;

    public Uri Address { get; private set; } = null!;
    public int Requests => _requests;

    public static async Task<EchoUpstream> StartAsync()
    {
        var upstream = new EchoUpstream();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        upstream._app = builder.Build();
        upstream._app.Run(upstream.EchoAsync);
        await upstream._app.StartAsync();
        upstream.Address = new Uri(upstream._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return upstream;
    }

    private async Task EchoAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using var sha = SHA256.Create();
        await using var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write);
        var length = 0L;
        var buffer = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer)) > 0)
        {
            length += read;
            await hashing.WriteAsync(buffer.AsMemory(0, read));
        }
        await hashing.FlushFinalBlockAsync();
        context.Response.StatusCode = context.Request.Path.Value!.EndsWith("/teapot") ? 418 : 200;
        context.Response.Headers["X-Upstream"] = "echo";
        await context.Response.WriteAsJsonAsync(new
        {
            method = context.Request.Method,
            path = context.Request.Path.Value,
            query = context.Request.QueryString.Value,
            headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            bodyLength = length,
            bodySha256 = Convert.ToHexStringLower(sha.Hash!),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
