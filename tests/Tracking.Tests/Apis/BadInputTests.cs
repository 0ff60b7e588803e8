using System.Net;
using System.Net.Http.Json;
using System.Text;
using CreatorMeta.Testing;
using Xunit;

namespace CreatorMeta.Tracking.Tests.Apis;

/// <summary>Every refused write answers with a problem and leaves the workspace exactly as it was.</summary>
[Collection(TrackingCollection.Name)]
public sealed class BadInputTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    [Fact]
    public async Task An_invalid_asset_gets_every_field_error_and_is_not_stored()
    {
        var problem = await (await _client.PostJsonAsync("/api/v1/assets", new { title = "", kind = "hologram", contentHash = "abc" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("contentHash", out _));
        await AssertNoAssetsAsync();
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_and_changes_nothing()
    {
        var response = await _client.PostAsync("/api/v1/assets", new StringContent("{\"title\": \"unterminated", Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        await AssertNoAssetsAsync();
    }

    [Fact]
    public async Task A_publication_on_an_unknown_platform_or_in_the_future_is_refused()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);

        var problem = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            new { platform = "myspace", account = "@jamal", publishedAt = DateTimeOffset.UtcNow.AddDays(2), postUrl = "not a url" }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("platform", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("publishedAt", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("postUrl", out _));
        var read = await (await _client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(read.GetProperty("publications").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"title":"Pier","kind":"photo","topics":[null]}""", "topics")]
    [InlineData("""{"title":"Pier","kind":"photo","visualElements":["sea",null]}""", "visualElements")]
    [InlineData("""{"title":"Pier","kind":"photo","attributes":{"k":null}}""", "attributes")]
    public async Task A_null_where_text_belongs_is_a_validation_problem(string body, string field)
    {
        var problem = await (await _client.PostAsync("/api/v1/assets", new StringContent(body, Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        await AssertNoAssetsAsync();
    }

    [Theory]
    [InlineData("""{"title":"Pier\u0000","kind":"photo"}""")]
    [InlineData("""{"title":"Pier \ud83c","kind":"photo"}""")]
    [InlineData("""{"title":"Pier","kind":"photo","attributes":{"\u0000":"x"}}""")]
    public async Task Text_the_database_cannot_store_is_refused_at_the_door(string body)
    {
        await (await _client.PostAsync("/api/v1/assets", new StringContent(body, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/api/v1/assets?q=pier%00")).ProblemAsync(HttpStatusCode.BadRequest);

        await AssertNoAssetsAsync();
    }

    [Fact]
    public async Task A_null_hashtag_is_refused_and_records_nothing()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);

        var problem = await (await _client.PostAsync($"/api/v1/assets/{asset.Id()}/publications", new StringContent(
            """{"platform":"x","account":"@jamal","publishedAt":"2026-10-01T12:00:00Z","hashtags":["ok",null]}""", Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("hashtags", out _));
        var read = await (await _client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(read.GetProperty("publications").EnumerateArray());
    }

    [Fact]
    public async Task An_edit_to_a_tag_its_platform_does_not_read_as_one_is_refused_and_changes_nothing()
    {
        var asset = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var publication = await (await _client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication("x")))
            .JsonAsync(HttpStatusCode.Created);

        // On X a tag ends at an emoji, so "#🌅" is no tag there (on Instagram it is one).
        var problem = await (await _client.PatchAsJsonAsync($"/api/v1/publications/{publication.Id()}", new { hashtags = new[] { "#🌅" } }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("hashtags", out _));
        var read = await (await _client.GetAsync($"/api/v1/publications/{publication.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(publication.GetProperty("hashtags").GetRawText(), read.GetProperty("hashtags").GetRawText());
        Assert.Equal(publication.GetProperty("version").GetInt32(), read.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Unknown_ids_are_not_found()
    {
        await (await _client.GetAsync($"/api/v1/assets/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostJsonAsync($"/api/v1/assets/{Guid.NewGuid()}/publications", Requests.Publication()))
            .ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_workspaces_asset_is_not_found_and_cannot_be_published()
    {
        var other = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());
        var theirs = await (await other.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);

        await (await _client.GetAsync($"/api/v1/assets/{theirs.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostJsonAsync($"/api/v1/assets/{theirs.Id()}/publications", Requests.Publication()))
            .ProblemAsync(HttpStatusCode.NotFound);
        await AssertNoAssetsAsync();
        var read = await (await other.GetAsync($"/api/v1/assets/{theirs.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(read.GetProperty("publications").EnumerateArray());
    }

    [Fact]
    public async Task A_request_that_did_not_come_through_the_gateway_is_refused()
    {
        var anonymous = fixture.Service.CreateClient();

        await (await anonymous.GetAsync("/api/v1/assets")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_bad_cursor_or_limit_is_a_validation_problem()
    {
        await (await _client.GetAsync("/api/v1/assets?cursor=bogus")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/api/v1/assets?limit=501")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task AssertNoAssetsAsync()
    {
        var page = await (await _client.GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }
}
