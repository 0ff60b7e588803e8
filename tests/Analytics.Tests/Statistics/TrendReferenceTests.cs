using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests.Statistics;

/// <summary>
/// The trends a creator reads are the numbers scipy and statsmodels compute from the exported dataset: the same rows, the
/// same groups, each count, mean, lift, interval, p- and q-value within 1e-6.
/// </summary>
public sealed class TrendReferenceTests : IAsyncLifetime
{
    private const int Posts = 150;
    private const int MinPosts = 8;
    private ServiceHost _analytics = null!;
    private IBusControl _bus = null!;

    public async Task InitializeAsync()
    {
        _analytics = await ServiceHost.StartAsync("analytics", "services/Analytics/CreatorMeta.Analytics.csproj");
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(_analytics.Messaging), host =>
        {
            host.Username("guest");
            host.Password("guest");
        }));
        await _bus.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.StopAsync();
        await _analytics.DisposeAsync();
    }

    /// <summary>A library whose scores rise with "travel" and with reels, with noise, and every kind of attribute varied.</summary>
    private async Task PublishLibraryAsync(string workspace)
    {
        var random = new Random(9);
        string[] topics = ["travel", "food", "sunset", "city"], platforms = ["instagram", "tiktok", "youtube"];
        for (var i = 0; i < Posts; i++)
        {
            var asset = Guid.NewGuid();
            var postTopics = topics.Where(_ => random.NextDouble() < 0.35).ToArray();
            string? format = random.Next(3) switch { 0 => "reel", 1 => "carousel", _ => null };
            var registered = new AssetRegistered(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, asset, "clip", random.Next(2) == 0 ? "video" : "photo",
                null, postTopics, random.Next(2) == 0 ? ["water"] : ["people", "water"], format, random.Next(4) == 0 ? null : random.Next(5, 900),
                random.Next(3) switch { 0 => "en", 1 => "de", _ => null }, null);
            var platform = platforms[random.Next(platforms.Length)];
            var recorded = new PublicationRecorded(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), asset, platform, "@jamal", $"post-{i}",
                null, DateTimeOffset.UtcNow.AddHours(-random.Next(24, 24 * 60)), "manual", [.. Enumerable.Range(0, random.Next(0, 13)).Select(t => $"tag{t}")],
                null, new string('a', random.Next(0, 400)));
            var noise = (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 0.2;
            var score = Math.Clamp(0.45 + (postTopics.Contains("travel") ? 0.15 : 0) + (format == "reel" ? 0.1 : 0) + noise, 0, 1);
            var metrics = new MetricsUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, recorded.PublicationId, platform, "@jamal", $"post-{i}",
                DateTimeOffset.UtcNow, new Dictionary<string, double> { ["likes"] = 10 }, null, null, Math.Round(score, 6), 1);
            await _bus.Publish(registered);
            await _bus.Publish(recorded);
            await _bus.Publish(metrics);
        }
    }

    [Fact]
    public async Task Every_attribute_values_lift_interval_p_and_q_agree_with_scipy_and_statsmodels()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = _analytics.CreateClient(workspace);
        await PublishLibraryAsync(workspace);
        var dataset = "";
        await HttpAssertions.EventuallyAsync(async () =>
        {
            dataset = await (await client.GetAsync("/api/v1/analytics/dataset.csv")).Content.ReadAsStringAsync();
            // Complete once every post is there with its asset described (until then its kind reads "unknown").
            var rows = dataset.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            return rows.Count == Posts && !rows.Any(r => r.Contains(",unknown,"));
        }, "every post projected", seconds: 60);
        var trends = await (await client.GetAsync($"/api/v1/analytics/trends?minPosts={MinPosts}")).JsonAsync(HttpStatusCode.OK);

        var path = Path.Combine(Path.GetTempPath(), $"dataset-{workspace}.csv");
        await File.WriteAllTextAsync(path, dataset);
        var reference = JsonDocument.Parse(await RunPythonAsync(Path.Combine(AppContext.BaseDirectory, "Statistics", "trends_reference.py"), path,
            MinPosts.ToString())).RootElement.EnumerateArray().ToDictionary(e => (e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!));
        File.Delete(path);

        Assert.Equal(Posts, trends.GetProperty("posts").GetInt32());
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
    }

    private static async Task<string> RunPythonAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var errors = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, $"The reference failed: {await errors}");
        return await output;
    }
}
