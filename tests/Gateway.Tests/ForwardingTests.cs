using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CreatorMeta.Testing;

namespace CreatorMeta.Gateway.Tests;

public sealed class ForwardingTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Forwards_path_query_and_status_and_sets_the_trusted_headers()
    {
        var (workspace, key) = await fixture.NewWorkspaceAsync();
        var client = fixture.Client(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/calendar/teapot?from=2026-01-01&platform=x");
        request.Headers.Add("X-Workspace-Id", "someone-elses-workspace");
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");
        request.Headers.Add("X-Hop", "only for the next hop");
        request.Headers.Connection.Add("X-Hop");
        request.Headers.Add("X-Request-Note", "kept");

        var response = await client.SendAsync(request);
        var echoed = await response.JsonAsync((HttpStatusCode)418);
        var headers = echoed.GetProperty("headers");

        Assert.Equal("/api/v1/calendar/teapot", echoed.GetProperty("path").GetString());
        Assert.Equal("?from=2026-01-01&platform=x", echoed.GetProperty("query").GetString());
        Assert.Equal(workspace, await GatewayFixture.ClaimedWorkspaceAsync(echoed));
        Assert.False(headers.TryGetProperty("x-workspace-id", out _), "Only the signed claim says whom a request acts for.");
        Assert.Equal("127.0.0.1", headers.GetProperty("x-forwarded-for").GetString());
        Assert.Equal("http", headers.GetProperty("x-forwarded-proto").GetString());
        Assert.Equal("kept", headers.GetProperty("x-request-note").GetString());
        Assert.DoesNotContain(key, headers.GetRawText());
        Assert.False(headers.TryGetProperty("x-hop", out _), "Headers named in Connection are hop-by-hop.");
        Assert.Equal("echo", response.Headers.GetValues("X-Upstream").Single());
    }

    [Fact]
    public async Task Streams_a_large_body_through_intact()
    {
        var (_, key) = await fixture.NewWorkspaceAsync();
        var body = RandomNumberGenerator.GetBytes(6 * 1024 * 1024);
        var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var echoed = await (await fixture.Client(key).PostAsync("/api/v1/metrics/observations", content)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(body.Length, echoed.GetProperty("bodyLength").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(body)), echoed.GetProperty("bodySha256").GetString());
    }

    [Fact]
    public async Task An_oversize_body_is_refused_before_it_reaches_a_service()
    {
        var (_, key) = await fixture.NewWorkspaceAsync();
        var before = fixture.Upstream.Requests;

        // As a careful client does with a large upload: wait for the server's go-ahead before sending the body.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assets") { Content = new ByteArrayContent(new byte[9 * 1024 * 1024]) };
        request.Headers.ExpectContinue = true;
        var response = await fixture.Client(key).SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_not_found_problem()
    {
        var (_, key) = await fixture.NewWorkspaceAsync();

        await (await fixture.Client(key).GetAsync("/api/v1/nothing-here")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Serves_one_openapi_document_and_a_browsable_ui()
    {
        var document = await (await fixture.Client().GetAsync("/openapi/public.json")).JsonAsync(HttpStatusCode.OK);
        var ui = await fixture.Client().GetAsync("/docs/index.html");

        Assert.True(document.GetProperty("paths").TryGetProperty("/admin/workspaces", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger", await ui.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
