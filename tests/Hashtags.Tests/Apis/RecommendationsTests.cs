using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Hashtags.Tests.Apis;

public sealed class RecommendationsTests : HashtagsHost
{
    private async Task<HttpClient> LibraryAsync(string workspace)
    {
        var client = Service.CreateClient(workspace);
        // "travel" lifts a post by 0.12 wherever and whenever it goes out; "daily" does nothing.
        var posts = await TagLibrary.PublishAsync(Events, workspace, 150, (tags, _, _, _, noise) => 0.4 + (tags.Contains("travel") ? 0.12 : 0) + noise,
            (random, _) => [.. random.NextDouble() < 0.4 ? ["travel"] : Array.Empty<string>(), .. random.NextDouble() < 0.5 ? ["daily"] : Array.Empty<string>()]);
        await TagLibrary.ProjectedAsync(client, posts);
        return client;
    }

    private static async Task<List<JsonElement>> RecommendAsync(HttpClient client, object request) =>
        [.. (await (await client.PostJsonAsync("/api/v1/hashtags/recommendations", request)).JsonAsync(HttpStatusCode.OK)).GetProperty("tags").EnumerateArray()];

    [Fact]
    public async Task Recommendations_mix_always_include_proven_trending_and_niche_tags_each_with_its_reason_and_repeat_nothing_in_the_caption()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = await LibraryAsync(workspace);
        await (await client.PutAsJsonAsync("/api/v1/hashtags/taxonomy", new
        {
            tags = new[] { new { tag = "jamalphoto", platformVariants = new Dictionary<string, string> { ["instagram"] = "JamalPhotography" } } },
            alwaysInclude = new Dictionary<string, string[]> { ["instagram"] = ["jamalphoto"] },
        })).JsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/v1/hashtags/signals", new { signals = new[]
        {
            new { platform = "instagram", tag = "sunsetlover", score = 30.0, observedAt = DateTimeOffset.UtcNow.AddDays(-2), source = "radar" },
            new { platform = "instagram", tag = "sunsetlover", score = 80.0, observedAt = DateTimeOffset.UtcNow.AddHours(-1), source = "radar" },
        } })).JsonAsync(HttpStatusCode.OK);

        var tags = await RecommendAsync(client, new { caption = "Evening walk in Lisbon #daily", topics = new[] { "Street Food" }, platform = "Instagram", count = 5 });

        Assert.Equal(5, tags.Count(t => t.GetProperty("kind").GetString() != "always-include"));
        Assert.Equal(("jamalphoto", "#jamalphotography", "always-include"),
            (tags[0].GetProperty("tag").GetString(), tags[0].GetProperty("writtenAs").GetString(), tags[0].GetProperty("kind").GetString()));
        var travel = tags.Single(t => t.GetProperty("tag").GetString() == "travel");
        Assert.Equal("proven", travel.GetProperty("kind").GetString());
        Assert.Contains("95 % interval", travel.GetProperty("reason").GetString());
        var sunset = tags.Single(t => t.GetProperty("tag").GetString() == "sunsetlover");
        Assert.Contains("outside signal", sunset.GetProperty("reason").GetString());
        Assert.Contains(tags, t => t.GetProperty("tag").GetString() == "streetfood" && t.GetProperty("kind").GetString() == "niche");
        Assert.DoesNotContain(tags, t => t.GetProperty("tag").GetString() == "daily");
        Assert.All(tags, t => Assert.InRange(t.GetProperty("score").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task A_banned_tag_is_never_recommended_however_well_it_did()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = await LibraryAsync(workspace);
        Assert.Contains(await RecommendAsync(client, new { platform = "instagram", count = 10 }), t => t.GetProperty("tag").GetString() == "travel");

        await (await client.PutAsJsonAsync("/api/v1/hashtags/taxonomy", new { banned = new[] { new { tag = "#Travel", reason = "off-brand now" } } }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.DoesNotContain(await RecommendAsync(client, new { platform = "instagram", count = 10, topics = new[] { "travel" } }),
            t => t.GetProperty("tag").GetString() == "travel");
    }

    [Fact]
    public async Task Tags_stop_where_the_platforms_caption_limit_would_be_crossed()
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());
        var caption = new string('a', 240) + " street food lisbon market";

        var tags = await RecommendAsync(client, new { caption, topics = new[] { "street food", "lisbon", "market", "portugal" }, platform = "x", count = 10 });
        var written = caption + string.Concat(tags.Select(t => " " + t.GetProperty("writtenAs").GetString()));

        Assert.NotEmpty(tags);
        Assert.InRange(new StringInfo(written).LengthInTextElements, 1, 280);
        var over = await client.PostJsonAsync("/api/v1/hashtags/recommendations", new { caption = new string('a', 281), platform = "x" });
        Assert.True((await over.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("caption", out _));
        var tooMany = await client.PostJsonAsync("/api/v1/hashtags/recommendations", new { platform = "youtube", count = 16 });
        Assert.True((await tooMany.JsonAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("count", out _));
    }
}
