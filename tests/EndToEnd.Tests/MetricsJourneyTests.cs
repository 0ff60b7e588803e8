using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>
/// Issue 8's "done", through the gateway of a system the AppHost started: a creator uploads a year of snapshots from two
/// sources for posts on all seven platforms, each named the platform's own way, and gets resolved values that never go
/// backwards wrongly, named formulas, values at fixed ages, a baseline score per post and the conflicts flagged.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class MetricsJourneyTests(AppHostProcess system)
{
    /// <summary>Each platform's own name for a post's likes, as its API or connector sends it.</summary>
    private static readonly Dictionary<string, string> LikesField = new()
    {
        ["tiktok"] = "like_count", ["instagram"] = "likes", ["youtube"] = "likeCount", ["facebook"] = "post_reactions_by_type_total.like",
        ["x"] = "public_metrics.like_count", ["linkedin"] = "likeCount", ["pinterest"] = "lifetime_metrics.TOTAL_REACTIONS",
    };

    /// <summary>Snapshots at 1 h, 24 h and then weekly for a year, in hours after publication.</summary>
    private static readonly int[] SnapshotHours = [1, 24, .. Enumerable.Range(1, 52).Select(week => week * 168)];

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = system.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static long Likes(int post, int hours) => (long)Math.Round((post + 1) * 10 * Math.Sqrt(hours));

    [Fact]
    public async Task A_year_of_snapshots_from_two_sources_on_seven_platforms_resolves_scores_and_flags_conflicts()
    {
        var issued = await (await Client(AppHostProcess.AdminKey).PostJsonAsync("/admin/workspaces", new { name = "a year of metrics" }))
            .JsonAsync(HttpStatusCode.Created);
        var api = Client(issued.GetProperty("apiKey").GetString()!);
        await (await api.PutAsync("/api/v1/metrics/settings", System.Net.Http.Json.JsonContent.Create(new { minBaselinePosts = 2 })))
            .JsonAsync(HttpStatusCode.OK);
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(-380), TimeSpan.Zero);
        var publications = new Dictionary<(string Platform, int Post), string>();
        var readings = new List<object>();
        foreach (var platform in LikesField.Keys)
            for (var post = 0; post < 3; post++)
            {
                var publishedAt = start.AddDays(post);
                var asset = await (await api.PostJsonAsync("/api/v1/assets", new { title = $"{platform} clip {post}", kind = "video", format = "reel" }))
                    .JsonAsync(HttpStatusCode.Created);
                publications[(platform, post)] = (await (await api.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
                    new { platform, account = "@jamal", externalPostId = $"{platform}-{post}", publishedAt })).JsonAsync(HttpStatusCode.Created)).Id();
                foreach (var (hours, index) in SnapshotHours.Select((h, i) => (h, i)))
                {
                    // The API's count (YouTube's as a numeric string); the last one of the first post went down: likes removed.
                    var likes = Likes(post, hours) - (post == 0 && index == SnapshotHours.Length - 1 ? Likes(post, SnapshotHours[^2]) / 10 : 0);
                    readings.Add(Reading(platform, post, publishedAt.AddHours(hours), "api", platform == "youtube" ? likes.ToString() : likes));
                    // A scraper, less trusted, every fourth week reads a fifth less than the API at the same moment.
                    if (index % 4 == 3)
                        readings.Add(Reading(platform, post, publishedAt.AddHours(hours), "scrape", Likes(post, hours) * 4 / 5));
                }
            }
        foreach (var batch in readings.Chunk(1000))
            Assert.Equal(batch.Length, (await (await api.PostJsonAsync("/api/v1/metrics/observations", new { observations = batch }))
                .JsonAsync(HttpStatusCode.Accepted)).GetProperty("stored").GetInt32());

        foreach (var ((platform, post), id) in publications)
        {
            var metrics = (await ResolvedAsync(api, id, readings.Count / publications.Count)).GetProperty("metrics");
            var likes = metrics.GetProperty("values").GetProperty("likes");
            var last = Likes(post, SnapshotHours[^1]) - (post == 0 ? Likes(post, SnapshotHours[^2]) / 10 : 0);
            Assert.Equal((last, "api"), (likes.GetProperty("value").GetInt64(), likes.GetProperty("source").GetString()));
            // The scraper never took the counter down; each time it said less, both numbers are kept as a conflict.
            var conflict = Assert.Single(metrics.GetProperty("conflicts").EnumerateArray());
            Assert.Equal(("likes", "api", "scrape", 13), (conflict.GetProperty("metric").GetString(), conflict.GetProperty("kept").GetProperty("source").GetString(),
                conflict.GetProperty("other").GetProperty("source").GetString(), conflict.GetProperty("occurrences").GetInt32()));
            var decreases = metrics.GetProperty("decreases").EnumerateArray().ToList();
            Assert.Equal(post == 0 ? 1 : 0, decreases.Count);
            var growth = metrics.GetProperty("growth").EnumerateArray().Select(p => p.GetProperty("values").GetProperty("likes").GetDouble()).ToList();
            Assert.Equal(post == 0 ? growth[..^1] : growth, (post == 0 ? growth[..^1] : growth).Order());
            var engagement = metrics.GetProperty("derived").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "engagement");
            Assert.Equal(("likes + comments + shares + saves", "likes"), (engagement.GetProperty("formula").GetString(),
                string.Join(",", engagement.GetProperty("counted").EnumerateArray().Select(c => c.GetString()))));
            Assert.Equal(["1h:measured", "24h:measured", "7d:measured", "30d:interpolated"], metrics.GetProperty("ages").EnumerateArray()
                .Select(a => $"{a.GetProperty("age").GetString()}:{a.GetProperty("values").GetProperty("likes").GetProperty("kind").GetString()}"));
            // Scored at 30 days against the same platform's other two reels: the first post the lowest, the third the highest.
            var score = metrics.GetProperty("score");
            Assert.Equal(("30d", 2, post / 2.0), (score.GetProperty("age").GetString(), score.GetProperty("baselinePosts").GetInt32(),
                score.GetProperty("percentile").GetDouble()));
        }
    }

    private static object Reading(string platform, int post, DateTimeOffset observedAt, string source, object likes) => new
    {
        platform, account = "@jamal", externalPostId = $"{platform}-{post}", observedAt, source,
        sourceEventId = $"{source}-{platform}-{post}-{observedAt:O}", metrics = new Dictionary<string, object> { [LikesField[platform]] = likes },
    };

    /// <summary>The publication's metrics once every reading is resolved in the asset's format and the post is scored.</summary>
    private static async Task<JsonElement> ResolvedAsync(HttpClient api, string publication, int observations)
    {
        JsonElement body = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var response = await api.GetAsync($"/api/v1/publications/{publication}/metrics");
            if (response.StatusCode != HttpStatusCode.OK)
                return false;
            body = await response.JsonAsync(HttpStatusCode.OK);
            return body.GetProperty("status").GetString() == "resolved" && body.GetProperty("post").GetProperty("format").GetString() == "reel"
                && body.GetProperty("metrics").GetProperty("observations").GetInt32() == observations
                && body.GetProperty("metrics").GetProperty("score").GetProperty("percentile").ValueKind == JsonValueKind.Number;
        }, $"publication {publication} resolved and scored", seconds: 60);
        return body;
    }
}
