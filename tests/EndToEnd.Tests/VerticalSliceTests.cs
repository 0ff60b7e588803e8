using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CreatorMeta.Testing;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>The slice of issue #2, driven through the gateway of a system the AppHost started, with a real HTTP client.</summary>
[Collection(SystemCollection.Name)]
public sealed class VerticalSliceTests(AppHostProcess system)
{
    private HttpClient Client(string key = AppHostProcess.DevKey)
    {
        var client = new HttpClient { BaseAddress = system.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task Records_refuses_a_repeat_repurposes_projects_and_blocks_the_schedule()
    {
        var api = Client();
        var asset = await (await api.PostJsonAsync("/api/v1/assets", new { title = "Sunset at the pier", kind = "photo" })).JsonAsync(HttpStatusCode.Created);
        var publication = new { platform = "instagram", account = "@jamal", externalPostId = "C1a2b3", postUrl = "https://www.instagram.com/p/C1a2b3/", publishedAt = "2026-11-01T18:00:00+01:00" };

        var first = await (await api.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", publication)).JsonAsync(HttpStatusCode.Created);
        var replayed = await (await api.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", publication)).JsonAsync(HttpStatusCode.OK);
        var refused = await (await api.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            new { platform = "instagram", account = "@jamal", externalPostId = "D4e5f6", publishedAt = "2026-11-05T18:00:00Z" })).ProblemAsync(HttpStatusCode.Conflict);
        var repurposed = await (await api.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            new { platform = "instagram", account = "@jamal", publishedAt = "2026-11-10T18:00:00Z", repurpose = new { reason = "anniversary" } }))
            .JsonAsync(HttpStatusCode.Created);
        var read = await (await api.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(first.Id(), replayed.Id());
        Assert.EndsWith("/duplicate-publication", refused.GetProperty("type").GetString());
        Assert.Equal(first.Id(), refused.GetProperty("earlierPublication").Id());
        Assert.Equal([first.Id(), repurposed.Id()], read.GetProperty("publications").EnumerateArray().Select(p => p.Id()));

        await HttpAssertions.EventuallyAsync(async () =>
        {
            var platforms = await (await api.GetAsync("/api/v1/analytics/platforms")).JsonAsync(HttpStatusCode.OK);
            return platforms.GetProperty("platforms").EnumerateArray()
                .Any(p => p.GetProperty("platform").GetString() == "instagram" && p.GetProperty("publications").GetInt32() >= 2);
        }, "analytics' projection shows both publications");

        var conflict = await (await api.PostJsonAsync("/api/v1/calendar/entries", new
        {
            assetId = asset.Id(), platform = "instagram", account = "@jamal", localTime = "2027-02-01T18:00", timeZone = "Europe/Berlin",
        })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("already-published", conflict.GetProperty("conflicts")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_the_right_problem_and_changes_nothing()
    {
        var admin = Client(AppHostProcess.AdminKey);
        var issued = await (await admin.PostAsJsonAsync("/admin/workspaces", new { name = "e2e" })).JsonAsync(HttpStatusCode.Created);
        var api = Client(issued.GetProperty("apiKey").GetString()!);
        var other = Client();
        var theirs = await (await other.PostJsonAsync("/api/v1/assets", new { title = "Not yours", kind = "video" })).JsonAsync(HttpStatusCode.Created);

        await (await api.PostAsync("/api/v1/assets", new StringContent("{\"title\":", Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await (await api.PostJsonAsync("/api/v1/assets", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("title", out _));
        using (var huge = new HttpRequestMessage(HttpMethod.Post, "/api/v1/assets") { Content = new ByteArrayContent(new byte[11 * 1024 * 1024]) })
        {
            huge.Headers.ExpectContinue = true;
            await (await api.SendAsync(huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        }
        await (await api.GetAsync($"/api/v1/assets/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await api.GetAsync($"/api/v1/assets/{theirs.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await api.PostJsonAsync($"/api/v1/assets/{theirs.Id()}/publications", new { platform = "youtube", account = "@me", publishedAt = "2026-11-01T00:00:00Z" }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await new HttpClient { BaseAddress = system.Gateway }.GetAsync("/api/v1/assets")).ProblemAsync(HttpStatusCode.Unauthorized);

        var mine = await (await api.GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(mine.GetProperty("items").EnumerateArray());
        var untouched = await (await other.GetAsync($"/api/v1/assets/{theirs.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(untouched.GetProperty("publications").EnumerateArray());
    }

    [Fact]
    public async Task One_openapi_document_covers_every_public_route()
    {
        var document = await (await new HttpClient { BaseAddress = system.Gateway }.GetAsync("/openapi/public.json")).JsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();

        Assert.Superset(new HashSet<string>
        {
            "/api/v1/assets", "/api/v1/assets/{id}", "/api/v1/assets/{id}/publications", "/api/v1/calendar", "/api/v1/calendar/entries",
            "/api/v1/calendar/entries/{id}", "/api/v1/analytics/platforms", "/api/v1/metrics/observations", "/admin/workspaces",
            "/api/v1/assets/{id}/history", "/api/v1/publications/{id}", "/api/v1/publications/{id}/removal", "/api/v1/publications/import",
            "/api/v1/assets/export.csv", "/api/v1/assets/export.json", "/api/v1/repurposing/opportunities", "/api/v1/accounts", "/api/v1/accounts/{id}",
            "/api/v1/metrics/observations/csv", "/api/v1/metrics/mappings", "/api/v1/metrics/definitions", "/api/v1/metrics/settings",
            "/api/v1/publications/{id}/metrics", "/api/v1/assets/{id}/performance", "/api/v1/metrics/posts/{platform}/{externalPostId}",
            "/api/v1/analytics/dataset.csv", "/api/v1/analytics/trends", "/api/v1/analytics/best-times", "/api/v1/analytics/top",
            "/api/v1/analytics/report", "/api/v1/analytics/report.html", "/api/v1/hashtags/extract", "/api/v1/hashtags/taxonomy",
            "/api/v1/hashtags/taxonomy/tags", "/api/v1/hashtags/performance", "/api/v1/hashtags/dataset.csv", "/api/v1/hashtags/trending",
            "/api/v1/hashtags/signals", "/api/v1/hashtags/recommendations",
        }, paths);
    }
}
