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

    [Fact]
    public async Task Posts_show_the_wall_clock_time_of_their_registered_account_across_daylight_saving()
    {
        await (await _client.PostJsonAsync("/api/v1/accounts", new { platform = "instagram", handle = "@Jamal", timeZone = "Europe/Berlin" }))
            .JsonAsync(HttpStatusCode.Created);
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var winter = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            Requests.Publication(account: "jamal", publishedAt: "2026-01-15T17:00:00Z"))).JsonAsync(HttpStatusCode.Created);
        await (await _client.PostJsonAsync($"/api/v1/publications/{winter.Id()}/removal", new { removedAt = "2026-01-20T09:00:00Z" }))
            .JsonAsync(HttpStatusCode.OK);
        var summer = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            Requests.Publication(account: "@jamal", publishedAt: "2026-07-15T17:00:00Z", reason: "summer re-run"))).JsonAsync(HttpStatusCode.Created);
        var unregistered = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            Requests.Publication(platform: "tiktok", account: "@jamal", publishedAt: "2026-07-15T17:00:00Z"))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("2026-01-15T18:00:00+01:00", winter.GetProperty("publishedLocal").GetProperty("at").GetString());
        Assert.Equal("Europe/Berlin", winter.GetProperty("publishedLocal").GetProperty("timeZone").GetString());
        Assert.Equal("2026-07-15T19:00:00+02:00", summer.GetProperty("publishedLocal").GetProperty("at").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unregistered.GetProperty("publishedLocal").ValueKind);
        var history = await (await _client.GetAsync($"/api/v1/assets/{asset.Id()}/history")).JsonAsync(HttpStatusCode.OK);
        var removal = history.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "removed");
        Assert.Equal("2026-01-20T10:00:00+01:00", removal.GetProperty("local").GetProperty("at").GetString());
        var csv = await (await _client.GetAsync("/api/v1/assets/export.csv")).Content.ReadAsStringAsync();
        Assert.Contains("2026-07-15T17:00:00.0000000+00:00,2026-07-15T19:00:00.0000000+02:00,Europe/Berlin,live", csv);
    }
}
