using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Tests.Grpc.Interop;

namespace CreatorMeta.ServiceDefaults.Tests.Grpc;

public sealed class GrpcWireTests
{
    [Theory]
    [InlineData("1H", 3_600_000)]
    [InlineData("2M", 120_000)]
    [InlineData("3S", 3_000)]
    [InlineData("250m", 250)]
    [InlineData("1500u", 1.5)]
    [InlineData("99999999n", 99.9999)]
    public void Parses_every_timeout_unit(string header, double milliseconds) =>
        Assert.Equal(milliseconds, GrpcWire.ParseTimeout(header)!.Value.TotalMilliseconds, 3);

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10x")]
    [InlineData("123456789S")]
    [InlineData("-5S")]
    public void Ignores_malformed_timeouts(string header) => Assert.Null(GrpcWire.ParseTimeout(header));

    [Fact]
    public void Formats_a_timeout_the_server_reads_back_within_a_millisecond()
    {
        var timeout = TimeSpan.FromMilliseconds(1234.2);
        Assert.Equal(1235, GrpcWire.ParseTimeout(GrpcWire.FormatTimeout(timeout))!.Value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("100%", "100%25")]
    [InlineData("déjà", "d%C3%A9j%C3%A0")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Percent_encodes_only_what_grpc_says_to(string message, string encoded)
    {
        Assert.Equal(encoded, GrpcWire.EncodeMessage(message));
        Assert.Equal(message, GrpcWire.DecodeMessage(encoded));
    }

    [Fact]
    public void A_frame_round_trips_and_a_truncated_one_is_refused()
    {
        var frame = GrpcWire.Frame(new SayRequest { Text = "hi" });
        Assert.Equal("hi", GrpcWire.ReadSingleFrame(frame, SayRequest.Parser).Text);

        var error = Assert.Throws<GrpcException>(() => GrpcWire.ReadSingleFrame(frame.AsSpan(0, frame.Length - 1), SayRequest.Parser));
        Assert.Equal(GrpcStatusCode.Internal, error.Status);
    }

    [Fact]
    public void A_compressed_frame_is_unimplemented()
    {
        var frame = GrpcWire.Frame(new SayRequest { Text = "hi" });
        frame[0] = 1;
        Assert.Equal(GrpcStatusCode.Unimplemented, Assert.Throws<GrpcException>(() => GrpcWire.ReadSingleFrame(frame, SayRequest.Parser)).Status);
    }

    [Fact]
    public void A_method_must_match_its_contract()
    {
        Assert.Equal("/creatormeta.interop.v1.Echo/Say", EchoServer.Say.Path);
        Assert.Throws<ArgumentException>(() => GrpcMethod<SayRequest, SayReply>.From(EchoServer.Service, "Shout"));
        Assert.Throws<ArgumentException>(() => GrpcMethod<SayReply, SayReply>.From(EchoServer.Service, "Say"));
    }
}
