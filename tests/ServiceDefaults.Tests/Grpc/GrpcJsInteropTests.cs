using System.Diagnostics;
using System.Text.Json;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Resilience;
using CreatorMeta.ServiceDefaults.Tests.Grpc.Interop;
using CreatorMeta.Testing;

namespace CreatorMeta.ServiceDefaults.Tests.Grpc;

/// <summary>
/// Proves wire compatibility with a real gRPC implementation, @grpc/grpc-js (installed by ./test.sh):
/// grpc-js calls our server, and our client calls a grpc-js server.
/// </summary>
public sealed class GrpcJsInteropTests(EchoServer server) : IClassFixture<EchoServer>
{
    private static readonly string Interop = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "interop");
    private static readonly string Proto = Path.Combine(Interop, "echo.proto");

    [Fact]
    public async Task Grpc_js_client_calls_our_server()
    {
        var output = await RunNodeAsync("client.js", $"127.0.0.1:{server.Address.Port}", Proto);
        var results = JsonDocument.Parse(output).RootElement;

        Assert.Equal(0, results.GetProperty("ok").GetProperty("code").GetInt32());
        Assert.Equal("echo: héllo 🌅", results.GetProperty("ok").GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal(5, results.GetProperty("failed").GetProperty("code").GetInt32());
        Assert.Equal("no asset ünïcode 100%", results.GetProperty("failed").GetProperty("details").GetString());
        Assert.Equal(4, results.GetProperty("deadline").GetProperty("code").GetInt32());
        Assert.Equal(12, results.GetProperty("unimplemented").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Our_client_calls_a_grpc_js_server()
    {
        using var node = StartNode("server.js", Proto);
        try
        {
            var line = await node.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException(await node.StandardError.ReadToEndAsync());
            var port = int.Parse(line.Split(' ')[1]);
            var client = new GrpcClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }, ResiliencePipelines.ForGrpc());

            var reply = await client.CallAsync(EchoServer.Say, new SayRequest { Text = "añejo" }, TimeSpan.FromSeconds(5));
            var failed = await Assert.ThrowsAsync<GrpcException>(() => client.CallAsync(EchoServer.Say,
                new SayRequest { FailWith = (int)GrpcStatusCode.NotFound, FailMessage = "nothing here – ✗ 50%" }));
            var late = await Assert.ThrowsAsync<GrpcException>(() => client.CallAsync(EchoServer.Say,
                new SayRequest { SleepMs = 3000 }, TimeSpan.FromMilliseconds(300)));
            var unheard = await Assert.ThrowsAsync<GrpcException>(() => client.CallAsync(EchoServer.Unheard, new SayRequest()));

            Assert.Equal("echo: añejo", reply.Text);
            Assert.InRange(reply.DeadlineMs, 3000, 5000);
            Assert.Equal(GrpcStatusCode.NotFound, failed.Status);
            Assert.Equal("nothing here – ✗ 50%", failed.Detail);
            Assert.Equal(GrpcStatusCode.DeadlineExceeded, late.Status);
            Assert.Equal(GrpcStatusCode.Unimplemented, unheard.Status);
        }
        finally
        {
            node.Kill(entireProcessTree: true);
        }
    }

    private static Process StartNode(params string[] arguments)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = Interop, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        return Process.Start(info)!;
    }

    private static async Task<string> RunNodeAsync(params string[] arguments)
    {
        using var node = StartNode(arguments);
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());
        return output;
    }
}
