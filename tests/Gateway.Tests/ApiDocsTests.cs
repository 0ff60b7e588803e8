using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Gateway.Tests;

public sealed class ApiDocsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_api_document_is_never_fetched_from_the_host_a_caller_names()
    {
        await using var elsewhere = await EchoUpstream.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/public.json");
        request.Headers.Host = elsewhere.Address.Authority;

        var named = await (await fixture.Client().SendAsync(request)).JsonAsync(HttpStatusCode.OK);
        var plain = await (await fixture.Client().GetAsync("/openapi/public.json")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, elsewhere.Requests);
        Assert.Equal("CreatorMeta API", named.GetProperty("info").GetProperty("title").GetString());
        Assert.True(plain.GetProperty("paths").TryGetProperty("/admin/workspaces", out _), "the gateway's own routes are in the document");
    }
}
