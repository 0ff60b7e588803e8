using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Analytics.Tests.Statistics;

/// <summary>
/// The trends a creator reads are the numbers scipy and statsmodels compute from the exported dataset: the same rows, the
/// same groups, each count, mean, lift, interval, p- and q-value within 1e-6.
/// </summary>
public sealed class TrendReferenceTests : AnalyticsHost
{
    private const int Assets = 150;
    private const int MinPosts = 8;

    private static readonly string[] Platforms = ["instagram", "tiktok", "youtube"];

    /// <summary>The library's dataset once every post is there with its asset described, and the trends of the same rows.</summary>
    private async Task<(string Dataset, JsonElement Trends)> AnalyseAsync(string workspace, int posts)
    {
        var client = Service.CreateClient(workspace);
        var dataset = await TestLibrary.ProjectedAsync(client, posts);
        return (dataset, await (await client.GetAsync($"/api/v1/analytics/trends?minPosts={MinPosts}")).JsonAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Every_attribute_values_lift_interval_p_and_q_and_every_model_term_agree_with_scipy_and_statsmodels()
    {
        // Assets posted one to three times, on two accounts and three platforms: clusters of several posts across accounts.
        var workspace = TestEnvironment.NewWorkspace();
        var posts = await TestLibrary.PublishAsync(Events, workspace, Assets,
            (topics, format, _, noise) => 0.45 + (topics.Contains("travel") ? 0.15 : 0) + (format == "reel" ? 0.1 : 0) + noise,
            (_, draw) => Platforms[(int)(draw * Platforms.Length)], crossPosted: true);
        var (dataset, trends) = await AnalyseAsync(workspace, posts);

        var reference = (await TrendsReference.EffectsAsync(dataset, MinPosts))
            .ToDictionary(e => (e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!));

        Assert.Equal(posts, trends.GetProperty("posts").GetInt32());
        Assert.True(posts > Assets * 3 / 2, $"{posts} posts of {Assets} assets: the library should cross-post.");
        var tested = trends.GetProperty("effects").EnumerateArray().Where(e => e.GetProperty("q").ValueKind == JsonValueKind.Number)
            .ToDictionary(e => (e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!));
        Assert.True(reference.Count >= 20, $"Only {reference.Count} values were tested; the library should vary more.");
        Assert.Equal(reference.Keys.Order(), tested.Keys.Order());
        foreach (var (key, expected) in reference)
        {
            Assert.Equal(expected.GetProperty("n").GetInt32(), tested[key].GetProperty("n").GetInt32());
            foreach (var number in new[] { "mean", "lift", "low", "high", "p", "q" })
                Assert.True(Math.Abs(expected.GetProperty(number).GetDouble() - tested[key].GetProperty(number).GetDouble()) < 1e-6,
                    $"{key} {number}: scipy/statsmodels {expected.GetProperty(number).GetDouble()}, ours {tested[key].GetProperty(number).GetDouble()}");
        }
        // The planted effect is found: travel lifts the score, and clears the correction for everything else tested.
        Assert.True(tested[("topic", "travel")].GetProperty("lift").GetDouble() > 0.1);
        Assert.True(tested[("topic", "travel")].GetProperty("q").GetDouble() < 0.05);

        var fit = trends.GetProperty("model").GetProperty("fit");
        var terms = fit.GetProperty("terms").EnumerateArray().ToList();
        Assert.True(terms.Count >= 10, $"Only {terms.Count} model terms.");
        var statsmodels = await TrendsReference.ModelAsync(dataset, terms);
        Assert.Equal(statsmodels.Select(e => e.GetProperty("term").GetString()), terms.Select(t => t.GetProperty("term").GetString()));
        foreach (var (ours, theirs) in terms.Zip(statsmodels))
            foreach (var number in new[] { "estimate", "standardError", "low", "high", "p" }.Concat(theirs.TryGetProperty("q", out _) ? ["q"] : []))
                Assert.True(Math.Abs(theirs.GetProperty(number).GetDouble() - ours.GetProperty(number).GetDouble()) < 1e-6,
                    $"{ours.GetProperty("term").GetString()} {number}: statsmodels {theirs.GetProperty(number).GetDouble()}, ours {ours.GetProperty(number).GetDouble()}");
    }

    [Fact]
    public async Task A_topic_that_only_looks_good_because_it_is_posted_on_the_stronger_platform_is_not_credited_by_the_model()
    {
        // TikTok posts score 0.3 higher; travel does nothing, but 85 % of travel posts go to TikTok and 15 % of the others.
        var workspace = TestEnvironment.NewWorkspace();
        var posts = await TestLibrary.PublishAsync(Events, workspace, Assets, (_, _, platform, noise) => 0.35 + (platform == "tiktok" ? 0.3 : 0) + noise,
            (topics, draw) => topics.Contains("travel") ? (draw < 0.85 ? "tiktok" : "instagram") : (draw < 0.15 ? "tiktok" : draw < 0.6 ? "instagram" : "youtube"));
        var (_, trends) = await AnalyseAsync(workspace, posts);

        var alone = trends.GetProperty("effects").EnumerateArray()
            .Single(e => e.GetProperty("attribute").GetString() == "topic" && e.GetProperty("value").GetString() == "travel");
        Assert.True(alone.GetProperty("lift").GetDouble() > 0.1 && alone.GetProperty("q").GetDouble() < 0.05,
            $"Compared with the rest alone, travel should look good: {alone}");
        var held = trends.GetProperty("model").GetProperty("fit").GetProperty("terms").EnumerateArray()
            .Single(t => t.GetProperty("term").GetString() == "topic=travel");
        Assert.True(held.GetProperty("low").GetDouble() < 0 && held.GetProperty("high").GetDouble() > 0 && held.GetProperty("q").GetDouble() > 0.05,
            $"With the platform held equal, travel should show no effect: {held}");
    }
}
