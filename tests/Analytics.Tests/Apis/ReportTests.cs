using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using CreatorMeta.Analytics.Apis;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;

namespace CreatorMeta.Analytics.Tests.Apis;

/// <summary>The one-call report: the same numbers as the routes it gathers, and a page that draws them.</summary>
public sealed class ReportTests : AnalyticsHost
{
    private const int Posts = 120;

    /// <summary>Travel lifts the score; one topic is named like markup, which the page must show as text.</summary>
    private async Task<(HttpClient Client, string Dataset)> LibraryAsync(string workspace)
    {
        await TestLibrary.PublishAsync(Events, workspace, Posts, (topics, _, _, noise) => 0.45 + (topics.Contains("travel") ? 0.2 : 0) + noise,
            (_, draw) => draw < 0.5 ? "instagram" : "tiktok", ["travel", "food", "<script>alert(1)</script>", "city"]);
        var client = Service.CreateClient(workspace);
        return (client, await TestLibrary.ProjectedAsync(client, Posts));
    }

    [Fact]
    public async Task One_call_answers_with_the_same_trends_best_times_top_posts_and_platforms_as_each_route_alone()
    {
        var (client, dataset) = await LibraryAsync(TestEnvironment.NewWorkspace());
        // August only: the library's posts go out from early July to the end of August.
        const string Window = "from=2026-08-01T00:00:00Z&to=2026-09-01T00:00:00Z";
        var inWindow = dataset.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Count(line => string.CompareOrdinal(line.Split(',')[4], "2026-08-01") >= 0);
        Assert.InRange(inWindow, 1, Posts - 1);

        var report = await (await client.GetAsync($"/api/v1/analytics/report?{Window}")).JsonAsync(HttpStatusCode.OK);

        async Task<string> Route(string path) => (await (await client.GetAsync(path)).JsonAsync(HttpStatusCode.OK)).GetRawText();
        Assert.Equal(await Route($"/api/v1/analytics/trends?{Window}"), report.GetProperty("trends").GetRawText());
        Assert.Equal(await Route($"/api/v1/analytics/top?{Window}"), report.GetProperty("top").GetRawText());
        Assert.Equal(await Route($"/api/v1/analytics/platforms?{Window}"), report.GetProperty("platforms").GetRawText());
        var bestTimes = report.GetProperty("bestTimes").EnumerateArray().ToList();
        Assert.Equal(["instagram", "tiktok"], bestTimes.Select(b => b.GetProperty("platform").GetString()).Order());
        foreach (var times in bestTimes)
            Assert.Equal(await Route($"/api/v1/analytics/best-times?platform={times.GetProperty("platform").GetString()}&{Window}"), times.GetRawText());
        Assert.Equal(inWindow, report.GetProperty("trends").GetProperty("posts").GetInt32());
        Assert.Equal(inWindow, report.GetProperty("platforms").GetProperty("platforms").EnumerateArray().Sum(p => p.GetProperty("publications").GetInt32()));
        Assert.Equal("2026-08-01T00:00:00+00:00", report.GetProperty("from").GetString());
    }

    [Fact]
    public async Task The_page_draws_every_model_term_as_a_forest_plot_and_every_hour_of_the_week_as_a_heatmap_and_shows_markup_as_text()
    {
        var (client, _) = await LibraryAsync(TestEnvironment.NewWorkspace());
        var trends = await (await client.GetAsync("/api/v1/analytics/trends")).JsonAsync(HttpStatusCode.OK);

        var response = await client.GetAsync("/api/v1/analytics/report.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        var svgs = SvgElements(page);
        var forests = svgs.Where(s => (string?)s.Attribute("class") == "forest").ToList();
        var heatmaps = svgs.Where(s => (string?)s.Attribute("class") == "heatmap").ToList();
        Assert.Equal(2, forests.Count);
        Assert.Equal(2, heatmaps.Count);
        XNamespace svg = "http://www.w3.org/2000/svg";
        var modelTerms = trends.GetProperty("model").GetProperty("fit").GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToList();
        Assert.InRange(modelTerms.Count, 1, ReportPage.MaxEffectsDrawn);
        Assert.Equal(modelTerms.Order(), forests[0].Descendants(svg + "g").Select(g => g.Element(svg + "text")!.Value).Order());
        // The planted effect is drawn green: up, and clear of the correction.
        var travel = forests[0].Descendants(svg + "g").Single(g => g.Element(svg + "text")!.Value == "topic=travel");
        Assert.Equal("#1a7f37", (string?)travel.Element(svg + "circle")!.Attribute("fill"));
        foreach (var heatmap in heatmaps)
        {
            Assert.Equal(168, heatmap.Elements(svg + "rect").Count());
            Assert.Equal(3, heatmap.Elements(svg + "rect").Count(r => r.Attribute("stroke") is not null));
        }
    }

    [Fact]
    public async Task A_post_taken_down_after_an_analysis_is_gone_from_the_next_one()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var (client, _) = await LibraryAsync(workspace);
        var before = await (await client.GetAsync("/api/v1/analytics/top?limit=1")).JsonAsync(HttpStatusCode.OK);
        var best = before.GetProperty("top")[0];

        await Events.Publish(new PublicationRemoved(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, best.GetProperty("publicationId").GetGuid(),
            best.GetProperty("assetId").GetGuid(), best.GetProperty("platform").GetString()!, best.GetProperty("account").GetString()!, DateTimeOffset.UtcNow,
            "taken down"));

        // The analysis just read was kept in memory; the removal must retire it, not wait for it to age out.
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var after = await (await client.GetAsync("/api/v1/analytics/top?limit=1")).JsonAsync(HttpStatusCode.OK);
            return after.GetProperty("posts").GetInt32() == Posts - 1
                && after.GetProperty("top")[0].GetProperty("publicationId").GetGuid() != best.GetProperty("publicationId").GetGuid();
        }, "the removed post gone from the top posts");
    }

    [Fact]
    public async Task After_a_change_the_library_is_read_again_in_the_background_so_the_next_request_neither_waits_nor_sees_the_old_numbers()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var (client, _) = await LibraryAsync(workspace);
        var best = (await (await client.GetAsync("/api/v1/analytics/top?limit=1")).JsonAsync(HttpStatusCode.OK)).GetProperty("top")[0];
        int Reads() => Service.Log.Split('\n').Count(line => line.Contains($"Read workspace {workspace} "));

        await Events.Publish(new PublicationRemoved(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, best.GetProperty("publicationId").GetGuid(),
            best.GetProperty("assetId").GetGuid(), best.GetProperty("platform").GetString()!, best.GetProperty("account").GetString()!, DateTimeOffset.UtcNow,
            "taken down"));
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(
            Service.Log.Contains($"Read workspace {workspace} after changes settled: {Posts - 1} rows")), "the library read again without the removed post");
        var reads = Reads();

        var after = await (await client.GetAsync("/api/v1/analytics/top?limit=1")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Posts - 1, after.GetProperty("posts").GetInt32());
        Assert.NotEqual(best.GetProperty("publicationId").GetGuid(), after.GetProperty("top")[0].GetProperty("publicationId").GetGuid());
        Assert.Equal(reads, Reads());
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_refused_on_both_forms()
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());
        foreach (var path in new[] { "report", "report.html" })
        {
            var problem = await (await client.GetAsync($"/api/v1/analytics/{path}?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"))
                .JsonAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        }
    }

    /// <summary>Each inline SVG of the page, parsed as the XML it must be.</summary>
    private static List<XElement> SvgElements(string page)
    {
        var found = new List<XElement>();
        for (var start = page.IndexOf("<svg", StringComparison.Ordinal); start >= 0; start = page.IndexOf("<svg", start + 1, StringComparison.Ordinal))
        {
            var end = page.IndexOf("</svg>", start, StringComparison.Ordinal) + "</svg>".Length;
            found.Add(XElement.Parse(page[start..end]));
        }
        return found;
    }
}
