using System.Net;
using System.Net.Http.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Gateway.Tests;

public sealed class AuthenticationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task A_request_without_a_key_is_unauthorized_and_never_reaches_a_service()
    {
        var before = fixture.Upstream.Requests;

        var response = await fixture.Client().GetAsync("/api/v1/assets");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(before, fixture.Upstream.Requests);
    }

    [Fact]
    public async Task An_unknown_key_is_unauthorized()
    {
        var problem = await (await fixture.Client("cm_" + new string('0', 64)).GetAsync("/api/v1/assets")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Contains("not valid", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_issued_key_acts_in_its_own_workspace()
    {
        var (workspace, key) = await fixture.NewWorkspaceAsync();

        var echoed = await (await fixture.Client(key).GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(workspace, await GatewayFixture.ClaimedWorkspaceAsync(echoed));
    }

    [Fact]
    public async Task Only_the_administration_key_manages_workspaces()
    {
        var (_, key) = await fixture.NewWorkspaceAsync();

        await (await fixture.Client(key).PostAsJsonAsync("/admin/workspaces", new { name = "mine" })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await fixture.Client().PostAsJsonAsync("/admin/workspaces", new { name = "mine" })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_workspace_id_is_unique_and_well_formed()
    {
        var admin = fixture.Client(GatewayFixture.AdminKey);
        var id = TestEnvironment.NewWorkspace();
        await (await admin.PostAsJsonAsync("/admin/workspaces", new { id })).JsonAsync(HttpStatusCode.Created);

        await (await admin.PostAsJsonAsync("/admin/workspaces", new { id })).ProblemAsync(HttpStatusCode.Conflict);
        var invalid = await (await admin.PostAsJsonAsync("/admin/workspaces", new { id = "Not Valid!" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("id", out _));
    }

    [Fact]
    public async Task A_second_key_for_a_workspace_works_alongside_the_first()
    {
        var (workspace, first) = await fixture.NewWorkspaceAsync();
        var second = await (await fixture.Client(GatewayFixture.AdminKey).PostAsync($"/admin/workspaces/{workspace}/api-keys", null))
            .JsonAsync(HttpStatusCode.Created);

        foreach (var key in new[] { first, second.GetProperty("apiKey").GetString()! })
        {
            var echoed = await (await fixture.Client(key).GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(workspace, await GatewayFixture.ClaimedWorkspaceAsync(echoed));
        }
        await (await fixture.Client(GatewayFixture.AdminKey).PostAsync("/admin/workspaces/no-such-workspace/api-keys", null))
            .ProblemAsync(HttpStatusCode.NotFound);
    }
}
