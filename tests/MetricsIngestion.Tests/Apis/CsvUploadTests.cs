using System.Net;
using System.Text;
using CreatorMeta.Testing;

namespace CreatorMeta.MetricsIngestion.Tests.Apis;

/// <summary>A real Instagram Insights export (2022) through the CSV route, mapped by the same rows as every other reading.</summary>
[Collection(MetricsCollection.Name)]
public sealed class CsvUploadTests(MetricsFixture fixture)
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>The export has no post id (a creator's download from Meta has one); one is added per row, from its date.</summary>
    private static string WithPostIds(string csv) => string.Join("\n", csv.Split('\n').Select((line, i) =>
        line.Trim().Length == 0 ? line : (i == 0 ? "Post ID," : $"ig-{line[..10]}-{i},") + line));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string query, byte[] body) =>
        client.PostAsync("/api/v1/metrics/observations/csv" + query, new ByteArrayContent(body) { Headers = { { "Content-Type", "text/csv" } } });

    [Fact]
    public async Task A_real_insights_export_is_stored_row_by_row_with_its_columns_mapped_and_stored_once_however_often_it_is_sent()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        var csv = Encoding.UTF8.GetBytes(WithPostIds(await File.ReadAllTextAsync(DataFile("instagram-insights-2022.csv"))));
        const string query = "?platform=instagram&account=@amankharwal&observedAt=2022-06-04T00:00:00Z";

        var first = await (await UploadAsync(client, query, csv)).JsonAsync(HttpStatusCode.Accepted);
        var again = await (await UploadAsync(client, query, csv)).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal((176, 0), (first.GetProperty("stored").GetInt32(), first.GetProperty("rejected").GetInt32()));
        Assert.Equal((0, 176), (again.GetProperty("stored").GetInt32(), again.GetProperty("duplicates").GetInt32()));
        Assert.Equal(2, first.GetProperty("results")[0].GetProperty("index").GetInt32()); // the first row is on line 2
        Assert.Equal(176, await fixture.StoredAsync(workspace));
        // 2021-12-10's post: Impressions 3920, Saves 98, Comments 9, Shares 5, Likes 162, Follows 2; the surface breakdown kept unmapped.
        var post = await EventuallyResolvedAsync(client, "ig-2021-12-10-1");
        var values = post.GetProperty("metrics").GetProperty("values");
        Assert.Equal([3920, 98, 9, 5, 162, 2], new[] { "impressions", "saves", "comments", "shares", "likes", "followersGained" }
            .Select(m => values.GetProperty(m).GetProperty("value").GetDouble()));
        var unmapped = post.GetProperty("metrics").GetProperty("unmappedFields").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("From Home", unmapped);
        Assert.DoesNotContain("Caption", unmapped);
        var derived = post.GetProperty("metrics").GetProperty("derived").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "engagementRate.byImpressions");
        Assert.Equal((162 + 9 + 5 + 98) / 3920.0, derived.GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public async Task A_windows_1252_export_is_refused_as_a_whole_naming_the_byte_and_line()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var bytes = await File.ReadAllBytesAsync(DataFile("instagram-insights-cp1252.csv"));

        var problem = await (await UploadAsync(fixture.Service.CreateClient(workspace), "?platform=instagram&account=@amankharwal&observedAt=2022-03-01T00:00:00Z",
            Encoding.UTF8.GetBytes("Post ID,").Concat(bytes).ToArray())).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("byte 0xA0 on line 2", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await fixture.StoredAsync(workspace));
    }

    [Theory]
    [InlineData("Impressions,Likes\n100,5\n", "post")]
    [InlineData("Post ID,Colour,Mood\np1,red,happy\n", "metric")]
    public async Task An_export_with_wrong_columns_is_refused_as_a_whole_and_stores_nothing(string csv, string named)
    {
        var workspace = TestEnvironment.NewWorkspace();

        var problem = await (await UploadAsync(fixture.Service.CreateClient(workspace), "?platform=instagram&account=@amankharwal",
            Encoding.UTF8.GetBytes(csv))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(named, problem.GetProperty("errors").GetProperty("csv")[0].GetString());
        Assert.Equal(0, await fixture.StoredAsync(workspace));
    }

    [Fact]
    public async Task A_row_with_a_count_that_is_not_a_number_is_refused_alone()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var csv = "Post ID,Likes,Comments\np1,12,3\np2,lots,4\np3,-5,1\np4,\"1,234\",7\n";

        var result = await (await UploadAsync(fixture.Service.CreateClient(workspace), "?platform=instagram&account=@amankharwal",
            Encoding.UTF8.GetBytes(csv))).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(["stored", "rejected", "rejected", "stored"], result.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(2, await fixture.StoredAsync(workspace));
    }

    private static async Task<System.Text.Json.JsonElement> EventuallyResolvedAsync(HttpClient client, string postId)
    {
        System.Text.Json.JsonElement body = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var response = await client.GetAsync($"/api/v1/metrics/posts/instagram/{postId}");
            if (response.StatusCode != HttpStatusCode.OK)
                return false;
            body = await response.JsonAsync(HttpStatusCode.OK);
            return body.GetProperty("status").GetString() == "resolved";
        }, "the post resolved");
        return body;
    }
}
