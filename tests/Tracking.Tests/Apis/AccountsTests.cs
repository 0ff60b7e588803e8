using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Apis;

[Collection(TrackingCollection.Name)]
public sealed class AccountsTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    [Fact]
    public async Task A_workspace_has_several_accounts_per_platform_each_once()
    {
        var main = await (await _client.PostJsonAsync("/api/v1/accounts", new { platform = "Instagram", handle = "@jamal", timeZone = "Asia/Ho_Chi_Minh" }))
            .JsonAsync(HttpStatusCode.Created);
        await (await _client.PostJsonAsync("/api/v1/accounts", new { platform = "instagram", handle = "@jamal_eats", externalId = "1784", timeZone = "Europe/Berlin" }))
            .JsonAsync(HttpStatusCode.Created);

        await (await _client.PostJsonAsync("/api/v1/accounts", new { platform = "instagram", handle = "@jamal", timeZone = "UTC" })).ProblemAsync(HttpStatusCode.Conflict);
        var list = await (await _client.GetAsync("/api/v1/accounts?platform=instagram")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["@jamal", "@jamal_eats"], list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("handle").GetString()));
        Assert.Equal("Asia/Ho_Chi_Minh", main.GetProperty("timeZone").GetString());
        await (await fixture.Service.CreateClient(TestEnvironment.NewWorkspace()).GetAsync($"/api/v1/accounts/{main.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_account_needs_a_known_platform_and_an_iana_time_zone()
    {
        var problem = await (await _client.PostJsonAsync("/api/v1/accounts", new { platform = "myspace", handle = "", timeZone = "CEST" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["platform", "handle", "timeZone"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
