using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CreatorMeta.SampleLibrary;
using CreatorMeta.Testing;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>
/// Issue 9's "done", through the gateway of a system the AppHost started: a creator loads a real library — the shared
/// Instagram Insights export and the TikTok accounts with ten or more posts in the scraped feed — through the public
/// routes, and gets trends that agree with statsmodels, best times per platform, top posts and a report.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class AnalyticsJourneyTests(AppHostProcess system)
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "datasets"));

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = system.Gateway, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task A_real_library_loaded_through_the_public_routes_gets_trends_that_agree_with_statsmodels_best_times_top_posts_and_a_report()
    {
        var issued = await (await Client(AppHostProcess.AdminKey).PostJsonAsync("/admin/workspaces", new { name = "a real library" }))
            .JsonAsync(HttpStatusCode.Created);
        var api = Client(issued.GetProperty("apiKey").GetString()!);
        Assert.True(Directory.Exists(Datasets), $"The shared datasets are expected beside the repository, at {Datasets}.");
        List<SamplePost> posts = [.. SharedDatasets.Instagram(Datasets), .. SharedDatasets.TikTok(Datasets, minPostsPerAccount: 10)];
        Assert.Equal(176 + 462, posts.Count);
        var summary = await new Loader(api).LoadAsync(posts);
        Assert.Equal((38, 638), (summary.Accounts, summary.Posts));

        // Every post reaches analytics with an engagement rate once metrics-ingestion has resolved its readings.
        var dataset = "";
        await HttpAssertions.EventuallyAsync(async () =>
        {
            dataset = await (await api.GetAsync("/api/v1/analytics/dataset.csv?metric=engagementRate")).Content.ReadAsStringAsync();
            return Rows(dataset).Count == posts.Count && !dataset.Contains(",unknown,", StringComparison.Ordinal);
        }, "every post analysed", seconds: 180);
        var rows = Rows(dataset);

        // Trends on the engagement rate, each tested value and every model term as scipy and statsmodels compute them.
        var trends = await (await api.GetAsync("/api/v1/analytics/trends?metric=engagementRate")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(posts.Count, trends.GetProperty("posts").GetInt32());
        var tested = trends.GetProperty("effects").EnumerateArray().Where(e => e.GetProperty("q").ValueKind == JsonValueKind.Number)
            .ToDictionary(e => (e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!));
        var reference = await TrendsReference.EffectsAsync(dataset, 10, "engagement_rate");
        Assert.True(reference.Count >= 10, $"Only {reference.Count} values tested.");
        Assert.Equal(reference.Select(e => (e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!)).Order(), tested.Keys.Order());
        foreach (var expected in reference)
        {
            var ours = tested[(expected.GetProperty("attribute").GetString()!, expected.GetProperty("value").GetString()!)];
            foreach (var number in new[] { "mean", "lift", "low", "high", "p", "q" })
                Assert.True(Math.Abs(expected.GetProperty(number).GetDouble() - ours.GetProperty(number).GetDouble()) < 1e-6, $"{expected} {number}");
        }
        var terms = trends.GetProperty("model").GetProperty("fit").GetProperty("terms").EnumerateArray().ToList();
        Assert.NotEmpty(terms);
        var statsmodels = await TrendsReference.ModelAsync(dataset, terms, "engagement_rate");
        foreach (var (ours, theirs) in terms.Zip(statsmodels))
            foreach (var number in new[] { "estimate", "standardError", "low", "high", "p", "q" })
                Assert.True(Math.Abs(theirs.GetProperty(number).GetDouble() - ours.GetProperty(number).GetDouble()) < 1e-6,
                    $"{ours.GetProperty("term").GetString()} {number}: statsmodels {theirs.GetProperty(number)}, ours {ours.GetProperty(number)}");

        // Best times per platform: all 168 hours, from exactly the scored posts of that platform.
        foreach (var platform in new[] { "instagram", "tiktok" })
        {
            var best = await (await api.GetAsync($"/api/v1/analytics/best-times?platform={platform}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(168, best.GetProperty("slots").GetArrayLength());
            Assert.Equal(rows.Count(r => r["platform"] == platform && r["score"].Length > 0), best.GetProperty("posts").GetInt32());
        }

        // Top and bottom by engagement rate: the dataset's highest and lowest.
        var top = await (await api.GetAsync("/api/v1/analytics/top?metric=engagementRate&limit=3")).JsonAsync(HttpStatusCode.OK);
        var rates = rows.Select(r => double.Parse(r["engagement_rate"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(rates.Max(), top.GetProperty("top")[0].GetProperty("value").GetDouble());
        Assert.Equal(rates.Min(), top.GetProperty("bottom")[0].GetProperty("value").GetDouble());

        // The report gathers the same trends, and draws them.
        var report = await (await api.GetAsync("/api/v1/analytics/report?metric=engagementRate")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(trends.GetRawText(), report.GetProperty("trends").GetRawText());
        var page = await api.GetAsync("/api/v1/analytics/report.html?metric=engagementRate");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        // Two forest plots, and a heatmap for each platform with scored posts.
        Assert.Equal(2 + rows.Where(r => r["score"].Length > 0).Select(r => r["platform"]).Distinct().Count(), CountOf(await page.Content.ReadAsStringAsync(), "<svg"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    /// <summary>The dataset's rows by column name (its text fields hold no line breaks once read by the reference too).</summary>
    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, csv);
        try
        {
            using var reader = CsvHelper.CsvReader.Create(new StreamReader(path), CsvHelper.CsvReaderOptions.Default with { Separator = ',' }, false);
            var header = reader.Headers.ToList();
            var rows = new List<Dictionary<string, string>>();
            while (reader.Read())
                rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(f => f.name, f => f.value));
            return rows;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
