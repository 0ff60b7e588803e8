using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Apis;

/// <summary>Retrospective tracking: posts made outside CreatorMeta, imported by URL.</summary>
[Collection(TrackingCollection.Name)]
public sealed class ImportTests(TrackingFixture fixture)
{
    private readonly HttpClient _client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

    private async Task<JsonElement> ImportAsync(params object[] rows) =>
        await (await _client.PostJsonAsync("/api/v1/publications/import", new { rows })).JsonAsync(HttpStatusCode.OK);

    private static object Row(string url, string? contentHash = null, string? perceptualHash = null, string account = "@jamal") =>
        new { url, account, publishedAt = "2026-10-01T12:00:00Z", caption = "Sunset over the pier #travel", hashtags = new[] { "travel" }, contentHash, perceptualHash };

    [Fact]
    public async Task A_url_alone_becomes_a_placeholder_asset_flagged_for_review()
    {
        var summary = await ImportAsync(Row("https://www.tiktok.com/@jamal/video/7506832682593094928?is_from_webapp=1"));

        var result = summary.GetProperty("results")[0];
        Assert.Equal("created", result.GetProperty("status").GetString());
        Assert.Equal("placeholder", result.GetProperty("matchedBy").GetString());
        var asset = await (await _client.GetAsync($"/api/v1/assets/{result.GetProperty("assetId").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(asset.GetProperty("needsReview").GetBoolean());
        Assert.Equal("short", asset.GetProperty("kind").GetString());
        Assert.Equal("Sunset over the pier #travel", asset.GetProperty("title").GetString());
        var publication = asset.GetProperty("publications")[0];
        Assert.Equal("7506832682593094928", publication.GetProperty("externalPostId").GetString());
        Assert.Equal("imported", publication.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_long_caption_titles_the_placeholder_without_breaking_an_emoji()
    {
        var caption = new string('a', 79) + "🦩 and the rest of a long caption";

        var result = (await ImportAsync(new { url = "https://www.instagram.com/p/EmOj1/", account = "@jamal", publishedAt = "2026-10-01T12:00:00Z", caption }))
            .GetProperty("results")[0];

        var asset = await (await _client.GetAsync($"/api/v1/assets/{result.GetProperty("assetId").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(new string('a', 79) + "…", asset.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_same_post_under_another_url_shape_is_recognised_not_doubled()
    {
        var first = (await ImportAsync(Row("https://youtu.be/dQw4w9WgXcQ"))).GetProperty("results")[0];

        var again = (await ImportAsync(Row("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"))).GetProperty("results")[0];

        Assert.Equal("existing", again.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("publicationId").GetString(), again.GetProperty("publicationId").GetString());
        var page = await (await _client.GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Matches_known_assets_by_content_hash_then_by_perceptual_hash()
    {
        var hash = Requests.NewHash();
        var exact = await (await _client.PostJsonAsync("/api/v1/assets", Requests.Asset(hash))).JsonAsync(HttpStatusCode.Created);
        var picture = await (await _client.PostJsonAsync("/api/v1/assets", new { title = "Pier", kind = "photo", perceptualHash = "00ff00ff00ff00ff" }))
            .JsonAsync(HttpStatusCode.Created);

        var summary = await ImportAsync(
            Row("https://www.instagram.com/p/AbCdEf1/", contentHash: hash),
            Row("https://www.instagram.com/p/AbCdEf2/", perceptualHash: "00ff00ff00ff00f0"));

        var results = summary.GetProperty("results");
        Assert.Equal(("contentHash", exact.Id()), (results[0].GetProperty("matchedBy").GetString(), results[0].GetProperty("assetId").GetString()));
        Assert.Equal(("perceptualHash", picture.Id()), (results[1].GetProperty("matchedBy").GetString(), results[1].GetProperty("assetId").GetString()));
    }

    [Fact]
    public async Task A_bulk_import_reports_every_row_and_applies_only_the_valid_ones()
    {
        var summary = await ImportAsync(
            Row("https://x.com/jamal/status/1790000000000000001"),
            Row("https://vm.tiktok.com/ZMabc123/"),
            new { url = "https://www.pinterest.com/pin/123456789012345678/", publishedAt = "2026-10-01T12:00:00Z" });

        Assert.Equal((1, 2), (summary.GetProperty("created").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        Assert.Contains("short link", summary.GetProperty("results")[1].GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.True(summary.GetProperty("results")[2].GetProperty("errors").TryGetProperty("account", out _));
        var page = await (await _client.GetAsync("/api/v1/assets")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_import_at_its_documented_size_is_accepted_as_a_job_that_reports_every_row()
    {
        // 5,000 rows: every post once new, then re-sent, and rows that can never be imported between them.
        var rows = Enumerable.Range(0, 5000).Select(i => (i % 5) switch
        {
            0 or 1 or 2 => Row($"https://x.com/jamal/status/{1800000000000000000L + i / 5}"),
            _ => (object)new { url = "https://vm.tiktok.com/ZMabc123/", account = "@jamal", publishedAt = "2026-10-01T12:00:00Z" },
        }).ToArray();

        var accepted = await _client.PostJsonAsync("/api/v1/publications/import", new { rows });
        var job = await accepted.JsonAsync(HttpStatusCode.Accepted);
        await HttpAssertions.EventuallyAsync(async () =>
        {
            job = await (await _client.GetAsync(accepted.Headers.Location)).JsonAsync(HttpStatusCode.OK);
            return job.GetProperty("status").GetString() == "done";
        }, "the import job done", seconds: 480); // a deadline against hanging, not a speed target: bench/run.sh times imports

        var summary = job.GetProperty("summary");
        Assert.Equal((5000, 1000, 2000, 2000), (job.GetProperty("processed").GetInt32(), summary.GetProperty("created").GetInt32(),
            summary.GetProperty("existing").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        var results = summary.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 5000), results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal(results[0].GetProperty("publicationId").GetString(), results[2].GetProperty("publicationId").GetString());
        var last = await (await _client.GetAsync($"/api/v1/publications/{results[^3].GetProperty("publicationId").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("1800000000000000999", last.GetProperty("externalPostId").GetString());
        await (await fixture.Service.CreateClient(TestEnvironment.NewWorkspace()).GetAsync(accepted.Headers.Location)).ProblemAsync(HttpStatusCode.NotFound);
    }
}
