using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Resilience;
using CreatorMeta.ServiceDefaults.Tests.Grpc.Interop;

namespace CreatorMeta.ServiceDefaults.Tests.Grpc;

/// <summary>Our client against our server, over real HTTP/2 cleartext.</summary>
public sealed class GrpcTransportTests(EchoServer server) : IClassFixture<EchoServer>
{
    private readonly GrpcClient _client = new(new HttpClient { BaseAddress = server.Address }, ResiliencePipelines.ForGrpc());

    [Fact]
    public async Task A_call_returns_the_reply_and_carries_its_deadline()
    {
        var reply = await _client.CallAsync(EchoServer.Say, new SayRequest { Text = "héllo" }, TimeSpan.FromSeconds(2));

        Assert.Equal("echo: héllo", reply.Text);
        Assert.InRange(reply.DeadlineMs, 1000, 2000);
    }

    [Fact]
    public async Task A_failed_call_brings_back_its_status_and_non_ascii_message()
    {
        var error = await Assert.ThrowsAsync<GrpcException>(() => _client.CallAsync(EchoServer.Say,
            new SayRequest { FailWith = (int)GrpcStatusCode.FailedPrecondition, FailMessage = "déjà 100% – ✓" }));

        Assert.Equal(GrpcStatusCode.FailedPrecondition, error.Status);
        Assert.Equal("déjà 100% – ✓", error.Detail);
    }

    [Fact]
    public async Task A_slow_call_ends_at_its_deadline()
    {
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<GrpcException>(() =>
            _client.CallAsync(EchoServer.Say, new SayRequest { SleepMs = 5000 }, TimeSpan.FromMilliseconds(300)));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.Status);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task An_unknown_method_is_UNIMPLEMENTED()
    {
        var error = await Assert.ThrowsAsync<GrpcException>(() => _client.CallAsync(EchoServer.Unheard, new SayRequest()));

        Assert.Equal(GrpcStatusCode.Unimplemented, error.Status);
    }

    [Fact]
    public async Task A_server_that_is_not_there_is_UNAVAILABLE_after_retries()
    {
        var nowhere = new GrpcClient(new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1") }, ResiliencePipelines.ForGrpc());

        var error = await Assert.ThrowsAsync<GrpcException>(() => nowhere.CallAsync(EchoServer.Say, new SayRequest()));

        Assert.Equal(GrpcStatusCode.Unavailable, error.Status);
    }
}
