using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Apis;

[Collection(TrackingCollection.Name)]
public sealed class SearchTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    private async Task<string> AssetAsync(object body) =>
        (await (await _client.PostJsonAsync("/api/v1/assets", body)).JsonAsync(HttpStatusCode.Created)).Id();

    private async Task PublishAsync(string asset, string platform, string account = "@jamal", string? caption = null, string[]? hashtags = null,
        string publishedAt = "2026-10-01T12:00:00Z") =>
        await (await _client.PostJsonAsync($"/api/v1/assets/{asset}/publications",
            new { platform, account, publishedAt, caption, hashtags })).JsonAsync(HttpStatusCode.Created);

    private async Task<List<string>> SearchAsync(string query)
    {
        var page = await (await _client.GetAsync("/api/v1/assets?" + query)).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(a => a.Id()).ToList();
    }

    [Theory]
    [InlineData("Women")]
    [InlineData("today")]
    [InlineData("Obamacare")]
    [InlineData("hearings")]
    [InlineData("votes")]
    [InlineData("東京")]
    [InlineData("sunset")]
    [InlineData("Nội")]
    [InlineData("Women’s")]
    [InlineData("\u201Chearings votes\u201D")]
    public async Task Finds_words_glued_to_typographic_punctuation_in_any_script(string word)
    {
        var asset = await AssetAsync(new { title = "Women’s health—today", kind = "text" });
        await PublishAsync(asset, "x", caption: "We fought #Obamacare—that was the fight. Schedule hearings/votes now. 「東京」 sunset🌅 “Hà Nội”");
        var other = await AssetAsync(new { title = "Breakfast", kind = "text" });

        var found = await SearchAsync("q=" + Uri.EscapeDataString(word));

        Assert.Equal([asset], found);
        Assert.DoesNotContain(other, found);
    }

    [Fact]
    public async Task Finds_words_in_titles_descriptions_and_captions_most_relevant_first()
    {
        var titled = await AssetAsync(new { title = "Sunset at the pier", kind = "photo" });
        var described = await AssetAsync(new { title = "Evening", kind = "photo", description = "sunset over the bay, sunset again" });
        var captioned = await AssetAsync(new { title = "Untitled", kind = "video" });
        await PublishAsync(captioned, "tiktok", caption: "Cái hoàng hôn sunset tuyệt đẹp");
        var unrelated = await AssetAsync(new { title = "Breakfast", kind = "photo" });

        var found = await SearchAsync("q=sunset");
        var ranked = await SearchAsync("q=" + Uri.EscapeDataString("sunset or bay"));

        Assert.Equal(new[] { titled, described, captioned }.Order(), found.Order());
        Assert.DoesNotContain(unrelated, found);
        Assert.Equal(described, ranked[0]);
        Assert.Equal([captioned], await SearchAsync("q=" + Uri.EscapeDataString("hoàng hôn")));
    }

    [Fact]
    public async Task Combines_filters_on_the_asset_and_on_its_live_publications()
    {
        var travel = await AssetAsync(new { title = "Pier", kind = "photo", topics = new[] { "Travel" }, visualElements = new[] { "sea" }, format = "square" });
        var food = await AssetAsync(new { title = "Pho", kind = "video", topics = new[] { "food" }, format = "vertical" });
        var draft = await AssetAsync(new { title = "Draft", kind = "photo", topics = new[] { "travel" } });
        await PublishAsync(travel, "instagram", hashtags: ["#Sunset"], publishedAt: "2026-09-10T10:00:00Z");
        await PublishAsync(food, "tiktok", account: "@jamal_eats", hashtags: ["food"], publishedAt: "2026-10-20T10:00:00Z");
        await PublishAsync(food, "instagram", publishedAt: "2026-10-21T10:00:00Z");

        Assert.Equal([food, travel], await SearchAsync("platform=instagram"));
        Assert.Equal([food], await SearchAsync("account=@jamal_eats"));
        Assert.Equal([draft, travel], await SearchAsync("topic=travel"));
        Assert.Equal([travel], await SearchAsync("visualElement=SEA&kind=photo"));
        Assert.Equal([food], await SearchAsync("format=vertical"));
        Assert.Equal([travel], await SearchAsync("hashtag=%23sunset"));
        Assert.Equal([draft], await SearchAsync("status=draft"));
        Assert.Equal([food], await SearchAsync("publishedFrom=2026-10-01T00:00:00Z&publishedTo=2026-11-01T00:00:00Z"));
        Assert.Equal([draft, travel], await SearchAsync("notPublishedOn=tiktok"));
        Assert.Equal([draft], await SearchAsync("notPublishedOn=instagram&topic=travel"));
    }

    [Fact]
    public async Task A_removed_post_no_longer_counts_as_live_for_platform_and_hashtag_filters()
    {
        var asset = await AssetAsync(new { title = "Pier", kind = "photo" });
        var publication = await (await _client.PostJsonAsync($"/api/v1/assets/{asset}/publications",
            new { platform = "pinterest", account = "@jamal", publishedAt = "2026-10-01T12:00:00Z", hashtags = new[] { "pier" } })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal([asset], await SearchAsync("platform=pinterest&hashtag=pier"));

        await _client.PostAsync($"/api/v1/publications/{publication.Id()}/removal", System.Net.Http.Json.JsonContent.Create(new { reason = "gone" }));

        Assert.Empty(await SearchAsync("platform=pinterest"));
        Assert.Empty(await SearchAsync("hashtag=pier"));
        Assert.Equal([asset], await SearchAsync("notPublishedOn=pinterest"));
    }

    [Fact]
    public async Task Pages_through_ranked_results_without_repeats_or_gaps()
    {
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
            ids.Add(await AssetAsync(new { title = string.Join(' ', Enumerable.Repeat("pier", 1 + i % 3)), kind = "photo" }));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _client.GetAsync($"/api/v1/assets?q=pier&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}")).JsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.Id()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task Never_shows_another_workspaces_assets()
    {
        var theirs = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());
        await theirs.PostJsonAsync("/api/v1/assets", new { title = "Secret unreleased sunset", kind = "photo" });

        Assert.Empty(await SearchAsync("q=secret"));
    }

    [Fact]
    public async Task Unknown_filter_values_are_a_validation_problem()
    {
        var problem = await (await _client.GetAsync("/api/v1/assets?platform=myspace&kind=hologram&status=lost&notPublishedOn=orkut"))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["platform", "notPublishedOn", "kind", "status"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Exports_the_ledger_as_csv_one_row_per_publication_and_as_json()
    {
        var published = await AssetAsync(new { title = "Pier, at dusk", kind = "photo", topics = new[] { "travel", "sea" } });
        await PublishAsync(published, "instagram", caption: "=cmd|' /C calc'!A0 \"quoted\"");
        await PublishAsync(published, "tiktok");
        var unpublished = await AssetAsync(new { title = "Unreleased", kind = "video" });

        var csv = await (await _client.GetAsync("/api/v1/assets/export.csv")).Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(await (await _client.GetAsync("/api/v1/assets/export.json?platform=tiktok")).Content.ReadAsStringAsync()).RootElement;

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("asset_id,title,kind,status", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains($"{unpublished},Unreleased,video,draft", csv);
        Assert.Contains("\"Pier, at dusk\"", csv);
        Assert.Contains("\"'=cmd|' /C calc'!A0 \"\"quoted\"\"\"", csv);
        Assert.Equal(published, Assert.Single(json.EnumerateArray()).Id());
    }

    [Fact]
    public async Task A_filtered_search_pages_through_matches_hidden_behind_newer_assets_that_do_not_match()
    {
        var matches = new List<string>();
        for (var i = 0; i < 3; i++)
            matches.Add(await AssetAsync(new { title = $"Harbour {i}", kind = "photo", topics = new[] { "harbour" } }));
        for (var i = 0; i < 5; i++)
            await AssetAsync(new { title = $"Imported placeholder {i}", kind = "video" });

        var first = await (await _client.GetAsync("/api/v1/assets?topic=harbour&limit=2")).JsonAsync(HttpStatusCode.OK);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await _client.GetAsync($"/api/v1/assets?topic=harbour&limit=2&cursor={cursor}")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([matches[2], matches[1]], first.GetProperty("items").EnumerateArray().Select(a => a.Id()));
        Assert.Equal([matches[0]], second.GetProperty("items").EnumerateArray().Select(a => a.Id()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal([matches[2], matches[1], matches[0]], await SearchAsync("topic=harbour&kind=photo"));
    }
}
