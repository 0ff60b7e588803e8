using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Gateway.Tests;

public sealed class UpstreamFailureTests(UpstreamDownGatewayFixture fixture) : IClassFixture<UpstreamDownGatewayFixture>
{
    [Fact]
    public async Task A_service_that_is_down_is_a_bad_gateway_problem()
    {
        var (_, key) = await fixture.NewWorkspaceAsync();

        var problem = await (await fixture.Client(key).GetAsync("/api/v1/analytics/platforms")).ProblemAsync(HttpStatusCode.BadGateway);

        Assert.Contains("analytics", problem.GetProperty("detail").GetString());
    }
}

/// <summary>Analytics points at a port where nothing listens.</summary>
public sealed class UpstreamDownGatewayFixture : GatewayFixture
{
    protected override void Configure(Dictionary<string, string> environment) =>
        environment["services__analytics__http__0"] = "http://127.0.0.1:1";
}
