using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Calendar.Tests.Apis;

[Collection(CalendarCollection.Name)]
public sealed class SchedulingTests(CalendarFixture fixture)
{
    private readonly string _workspace = TestEnvironment.NewWorkspace();
    private HttpClient Tracking => fixture.Tracking.CreateClient(_workspace);
    private HttpClient Calendar => fixture.Calendar.CreateClient(_workspace);

    private async Task<string> PublishedAssetAsync(string platform = "instagram", string account = "@jamal")
    {
        var asset = await (await Tracking.PostJsonAsync("/api/v1/assets", new { title = "Pier", kind = "photo" })).JsonAsync(HttpStatusCode.Created);
        await (await Tracking.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            new { platform, account, publishedAt = "2026-11-01T18:00:00Z", postUrl = "https://www.instagram.com/p/Xy12ab/" })).JsonAsync(HttpStatusCode.Created);
        return asset.Id();
    }

    private static object Entry(string assetId, string platform = "instagram", string local = "2027-01-15T18:30", string zone = "Europe/Berlin") =>
        new { assetId, platform, account = "@jamal", localTime = local, timeZone = zone };

    [Fact]
    public async Task Scheduling_an_asset_already_live_on_the_account_is_a_conflict_naming_the_post()
    {
        var assetId = await PublishedAssetAsync();

        var problem = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(assetId))).ProblemAsync(HttpStatusCode.Conflict);

        var conflict = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal("already-published", conflict.GetProperty("reason").GetString());
        Assert.Equal("https://www.instagram.com/p/Xy12ab/", conflict.GetProperty("postUrl").GetString());
        await AssertCalendarEmptyAsync();
    }

    [Fact]
    public async Task Scheduling_on_another_platform_is_planned_at_the_right_instant()
    {
        var assetId = await PublishedAssetAsync();

        var entry = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(assetId, "tiktok"))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("2027-01-15T17:30:00+00:00", entry.GetProperty("scheduledAt").GetString());
        var plan = await (await Calendar.GetAsync("/api/v1/calendar?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z&platform=tiktok"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(entry.Id(), Assert.Single(plan.GetProperty("items").EnumerateArray()).Id());
    }

    [Fact]
    public async Task Scheduling_the_same_asset_twice_on_an_account_is_a_conflict()
    {
        var assetId = await PublishedAssetAsync();
        var first = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(assetId, "youtube"))).JsonAsync(HttpStatusCode.Created);

        var problem = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(assetId, "youtube", "2027-02-01T09:00")))
            .ProblemAsync(HttpStatusCode.Conflict);

        var conflict = Assert.Single(problem.GetProperty("conflicts").EnumerateArray());
        Assert.Equal("already-scheduled", conflict.GetProperty("reason").GetString());
        Assert.Equal(first.Id(), conflict.GetProperty("entryId").GetString());
    }

    [Theory]
    [InlineData("2027-03-28T02:30", "nonexistent-local-time")]
    [InlineData("2027-10-31T02:30", "ambiguous-local-time")]
    public async Task Local_times_that_daylight_saving_skips_or_repeats_are_conflicts(string local, string reason)
    {
        var assetId = await PublishedAssetAsync();

        var problem = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(assetId, "pinterest", local)))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(reason, problem.GetProperty("conflicts")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Repeating_a_request_with_its_idempotency_key_returns_the_same_entry()
    {
        var assetId = await PublishedAssetAsync();
        var key = Guid.NewGuid().ToString();

        var first = await SendWithKeyAsync(Entry(assetId, "linkedin"), key);
        var again = await SendWithKeyAsync(Entry(assetId, "linkedin"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.JsonAsync(HttpStatusCode.Created)).Id(), (await again.JsonAsync(HttpStatusCode.OK)).Id());
    }

    [Fact]
    public async Task Simultaneous_requests_with_one_idempotency_key_plan_one_entry_and_all_get_it()
    {
        var assetId = await PublishedAssetAsync();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => SendWithKeyAsync(Entry(assetId, "youtube"), key)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).Id()));
        Assert.Single(ids.Distinct());
        var plan = await (await Calendar.GetAsync("/api/v1/calendar?from=2027-01-01T00:00:00Z&to=2027-02-01T00:00:00Z")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(ids[0], Assert.Single(plan.GetProperty("items").EnumerateArray()).Id());
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_a_different_plan_is_refused()
    {
        var assetId = await PublishedAssetAsync();
        var key = Guid.NewGuid().ToString();
        await (await SendWithKeyAsync(Entry(assetId, "linkedin"), key)).JsonAsync(HttpStatusCode.Created);

        var problem = await (await SendWithKeyAsync(Entry(assetId, "linkedin", "2027-03-01T10:00"), key)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.EndsWith("/idempotency-key-reused", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_canceled_entry_frees_the_slot_and_another_workspace_cannot_touch_it()
    {
        var assetId = await PublishedAssetAsync();
        var entry = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(assetId, "facebook"))).JsonAsync(HttpStatusCode.Created);
        var stranger = fixture.Calendar.CreateClient(TestEnvironment.NewWorkspace());

        await (await stranger.DeleteAsync($"/api/v1/calendar/entries/{entry.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await Calendar.DeleteAsync($"/api/v1/calendar/entries/{entry.Id()}")).StatusCode);

        var read = await (await Calendar.GetAsync($"/api/v1/calendar/entries/{entry.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("canceled", read.GetProperty("status").GetString());
        await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(assetId, "facebook"))).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Unknown_assets_and_invalid_plans_are_refused_and_nothing_is_planned()
    {
        await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(Guid.NewGuid().ToString()))).ProblemAsync(HttpStatusCode.NotFound);
        var invalid = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries",
            new { assetId = "nope", platform = "myspace", localTime = "tomorrow", timeZone = "Mars/Olympus" })).ProblemAsync(HttpStatusCode.BadRequest);
        var past = await (await Calendar.PostJsonAsync("/api/v1/calendar/entries", Entry(await PublishedAssetAsync(), "x", "2020-01-01T10:00")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["assetId", "platform", "account", "localTime", "timeZone"],
            invalid.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.True(past.GetProperty("errors").TryGetProperty("localTime", out _));
        await AssertCalendarEmptyAsync();
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/calendar/entries")
        {
            Content = JsonContent(body),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await Calendar.SendAsync(request);
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, HttpAssertions.Json), System.Text.Encoding.UTF8, "application/json");

    private async Task AssertCalendarEmptyAsync()
    {
        var plan = await (await Calendar.GetAsync("/api/v1/calendar?from=2026-12-01T00:00:00Z&to=2027-11-30T00:00:00Z")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(plan.GetProperty("items").EnumerateArray());
    }
}
