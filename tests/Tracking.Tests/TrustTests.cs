using System.Net;
using System.Net.Http.Headers;
using CreatorMeta.AppHost;
using CreatorMeta.ServiceDefaults.Trust;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests;

/// <summary>A service acts only on the gateway's signed claim: whatever else reaches its port is refused and changes nothing.</summary>
[Collection(TrackingCollection.Name)]
public sealed class TrustTests(TrackingFixture fixture)
{
    private readonly string _workspace = TestEnvironment.NewWorkspace();

    public static TheoryData<string> Impostors => new()
    {
        "workspace header only",
        "claim signed with another key",
        "expired claim",
        "claim for an administrator, not a workspace",
        "not a token at all",
    };

    [Theory]
    [MemberData(nameof(Impostors))]
    public async Task Anything_but_a_valid_claim_from_the_gateway_is_401_and_changes_nothing(string impostor)
    {
        var client = fixture.Service.CreateClient();
        client.DefaultRequestHeaders.Add("X-Workspace-Id", _workspace);
        if (Forge(impostor) is { } token)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await (await client.PostJsonAsync("/api/v1/assets", Requests.Asset())).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync("/api/v1/assets")).ProblemAsync(HttpStatusCode.Unauthorized);

        var page = await (await fixture.Service.CreateClient(_workspace).GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Health_answers_without_a_claim()
    {
        var health = await (await fixture.Service.CreateClient().GetAsync("/health")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_administrators_claim_does_not_act_in_a_workspace_and_a_members_does_not_operate()
    {
        var admin = new HttpClient(new TestTrust.Handler(_workspace, CallerClaim.AdminRole)) { BaseAddress = fixture.Service.HttpAddress };
        var member = fixture.Service.CreateClient(_workspace);

        await (await admin.GetAsync("/api/v1/assets")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await member.GetAsync("/admin/outbox/parked")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private string? Forge(string impostor) => impostor switch
    {
        "claim signed with another key" => ClaimTokens.Issue(ClaimTokens.ImportPrivateKey(TrustKeys.Generate().SigningKey),
            new CallerClaim(_workspace, "k", CallerClaim.MemberRole), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)),
        "expired claim" => TestTrust.Token(_workspace, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-5)),
        "claim for an administrator, not a workspace" => TestTrust.Token("", CallerClaim.AdminRole),
        "not a token at all" => "eyJhbGciOiJub25lIn0.eyJ3cyI6IngifQ.",
        _ => null,
    };
}
