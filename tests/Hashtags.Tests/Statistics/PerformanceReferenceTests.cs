using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Hashtags.Tests.Statistics;

/// <summary>
/// Tag effectiveness against statsmodels on the very rows the service exports, and against a planted confounder: "golden"
/// is posted mostly in the evening, when every post does better, and has no effect of its own; "travel" lifts by 0.1.
/// </summary>
public sealed class PerformanceReferenceTests : HashtagsHost
{
    private const int MinUses = 10;

    private static double Score(string[] tags, string format, int localHour, DateTimeOffset at, double noise) =>
        0.4 + (tags.Contains("travel") ? 0.1 : 0) + (localHour >= 18 ? 0.15 : 0) + (format == "reel" ? 0.05 : 0) + noise;

    private static string[] Tags(Random random, int localHour) =>
    [
        .. random.NextDouble() < 0.4 ? ["travel"] : Array.Empty<string>(),
        .. random.NextDouble() < (localHour >= 18 ? 0.8 : 0.1) ? ["golden"] : Array.Empty<string>(),
        .. random.NextDouble() < 0.02 ? ["rare"] : Array.Empty<string>(),
        "daily",
    ];

    [Fact]
    public async Task Lift_effect_intervals_p_and_q_of_every_tag_agree_with_statsmodels_and_the_confounded_tag_is_not_credited()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = Service.CreateClient(workspace);
        var posts = await TagLibrary.PublishAsync(Events, workspace, 220, Score, Tags);
        var dataset = await TagLibrary.ProjectedAsync(client, posts);

        var ours = await (await client.GetAsync($"/api/v1/hashtags/performance?halfLifeDays=90&minUses={MinUses}")).JsonAsync(HttpStatusCode.OK);
        var reference = await ReferenceAsync(dataset);

        var tested = ours.GetProperty("tags").EnumerateArray().Where(t => t.GetProperty("effect").ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal(reference.Count, tested.Count);
        foreach (var theirs in reference)
        {
            var mine = tested.Single(t => t.GetProperty("tag").GetString() == theirs.GetProperty("tag").GetString()
                && t.GetProperty("platform").GetString() == theirs.GetProperty("platform").GetString());
            foreach (var part in new[] { "lift", "effect" })
                foreach (var number in new[] { "estimate", "standardError", "low", "high", "p" })
                    Assert.Equal(theirs.GetProperty(part).GetProperty(number).GetDouble(), mine.GetProperty(part).GetProperty(number).GetDouble(), 1e-6);
            Assert.Equal(theirs.GetProperty("q").GetDouble(), mine.GetProperty("q").GetDouble(), 1e-6);
        }

        var rare = ours.GetProperty("tags").EnumerateArray().Where(t => t.GetProperty("tag").GetString() == "rare").ToList();
        Assert.All(rare, t => Assert.StartsWith("Not enough data", t.GetProperty("notEnoughData").GetString()));
        foreach (var platform in new[] { "instagram", "tiktok" })
        {
            JsonElement Of(string tag) => tested.Single(t => t.GetProperty("tag").GetString() == tag && t.GetProperty("platform").GetString() == platform);
            var golden = Of("golden");
            Assert.True(golden.GetProperty("lift").GetProperty("low").GetDouble() > 0, "golden looks good against the account's other posts");
            Assert.True(golden.GetProperty("effect").GetProperty("low").GetDouble() < 0 && golden.GetProperty("effect").GetProperty("high").GetDouble() > 0,
                "with the time of day held equal, golden is not credited");
            Assert.InRange(Of("travel").GetProperty("effect").GetProperty("low").GetDouble(), 0.02, 0.1);
        }

        // A page is the same ranking cut where asked, with the whole count.
        var all = ours.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("tag").GetString(), t.GetProperty("platform").GetString())).ToList();
        var page = await (await client.GetAsync($"/api/v1/hashtags/performance?halfLifeDays=90&minUses={MinUses}&limit=2&offset=1"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(all.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(all.Skip(1).Take(2), page.GetProperty("tags").EnumerateArray().Select(t => (t.GetProperty("tag").GetString(), t.GetProperty("platform").GetString())));
    }

    private static async Task<List<JsonElement>> ReferenceAsync(string dataset)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, dataset);
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Statistics", "tags_reference.py"), path, MinUses.ToString() })
                start.ArgumentList.Add(argument);
            using var python = Process.Start(start)!;
            var output = python.StandardOutput.ReadToEndAsync();
            var errors = python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();
            Assert.True(python.ExitCode == 0, await errors);
            return [.. JsonDocument.Parse(await output).RootElement.EnumerateArray()];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
