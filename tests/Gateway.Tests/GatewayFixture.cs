using System.Net.Http.Headers;
using System.Net.Http.Json;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Trust;
using CreatorMeta.Testing;

namespace CreatorMeta.Gateway.Tests;

/// <summary>The gateway process, routing every service to one echo upstream, with an administration key.</summary>
public class GatewayFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";

    public ServiceHost Gateway { get; private set; } = null!;
    public EchoUpstream Upstream { get; private set; } = null!;

    protected virtual void Configure(Dictionary<string, string> environment) { }

    public async Task InitializeAsync()
    {
        Upstream = await EchoUpstream.StartAsync();
        Gateway = await ServiceHost.StartAsync(ResourceNames.Gateway, "gateway/CreatorMeta.Gateway.csproj", project =>
        {
            foreach (var service in new[] { ResourceNames.Tracking, ResourceNames.MetricsIngestion, ResourceNames.Hashtags, ResourceNames.Calendar, ResourceNames.Analytics })
                project.Environment[$"services__{service}__http__0"] = Upstream.Address.ToString().TrimEnd('/');
            project.Environment["Gateway__AdminApiKey"] = AdminKey;
            project.Environment["Trust__SigningKey"] = TestTrust.Keys.SigningKey;
            project.Environment["Gateway__MaxRequestBodyBytes"] = (8 * 1024 * 1024).ToString();
            Configure(project.Environment);
        });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = Gateway.CreateClient();
        if (bearer is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>The workspace of the signed claim the echo upstream received, checked as a service checks it; null if forged.</summary>
    public static async Task<string?> ClaimedWorkspaceAsync(System.Text.Json.JsonElement echoed)
    {
        var authorization = echoed.GetProperty("headers").GetProperty("authorization").GetString()!;
        var verified = await ClaimTokens.VerifyAsync(ClaimTokens.ImportPublicKey(TestTrust.Keys.VerificationKey), authorization["Bearer ".Length..]);
        return verified?.Claim.Role == CallerClaim.MemberRole ? verified.Value.Claim.WorkspaceId : null;
    }

    /// <summary>A new workspace and its key, made through the administration API.</summary>
    public async Task<(string Workspace, string Key)> NewWorkspaceAsync()
    {
        var response = await Client(AdminKey).PostAsJsonAsync("/admin/workspaces", new { name = "test" });
        var issued = await response.JsonAsync(System.Net.HttpStatusCode.Created);
        return (issued.GetProperty("workspaceId").GetString()!, issued.GetProperty("apiKey").GetString()!);
    }
}

/// <summary>A gateway with a tiny rate limit, so the limit can be reached in a test.</summary>
public sealed class RateLimitedGatewayFixture : GatewayFixture
{
    protected override void Configure(Dictionary<string, string> environment)
    {
        environment["Gateway__RequestsPerSecondPerKey"] = "1";
        environment["Gateway__BurstPerKey"] = "3";
    }
}
