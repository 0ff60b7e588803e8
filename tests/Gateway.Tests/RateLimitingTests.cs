using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Gateway.Tests;

public sealed class RateLimitingTests(RateLimitedGatewayFixture fixture) : IClassFixture<RateLimitedGatewayFixture>
{
    [Fact]
    public async Task A_key_over_its_limit_gets_429_with_retry_after_while_another_key_is_unaffected()
    {
        var (_, flooding) = await fixture.NewWorkspaceAsync();
        var (_, quiet) = await fixture.NewWorkspaceAsync();
        var client = fixture.Client(flooding);

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
            responses.Add(await client.GetAsync("/api/v1/assets"));

        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.InRange(responses.Count(r => r.StatusCode == HttpStatusCode.OK), 3, 5);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(quiet).GetAsync("/api/v1/assets")).StatusCode);
    }
}
