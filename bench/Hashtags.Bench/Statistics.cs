using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.ServiceDefaults;

namespace CreatorMeta.Bench;

/// <summary>
/// Effectiveness, trends and recommendations over a library of a million publications with five million tag uses,
/// each through the gateway as a creator asks them. The targets: every tag's effectiveness under 1 s, recommendations
/// p95 under 50 ms.
/// </summary>
public static class Statistics
{
    private const string Workspace = "dev";
    private const string Key = "cm_bench_key_0123456789abcdef";

    public static async Task RunAsync(BenchServers bench)
    {
        var (publications, samples) = (bench.Arg("publications", 1_000_000), bench.Arg("samples", 5));
        var postgres = await bench.StartAsync(new PostgresServerResource(ResourceNames.Postgres, bench.State, null));
        var broker = await bench.StartAsync(new RabbitMQServerResource(ResourceNames.Messaging, bench.State, null));
        var hashtagsDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.Hashtags), postgres));
        var gatewayDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.Gateway), postgres));
        var hashtags = bench.Service(ResourceNames.Hashtags, "services/Hashtags/CreatorMeta.Hashtags.csproj");
        hashtags.ConnectionStrings.AddRange([hashtagsDb, broker]);
        await bench.StartAsync(hashtags);
        if (await Library.CountAsync(hashtagsDb.ConnectionString, Workspace) is { Posts: > 0 } seeded)
            BenchServers.Say($"hashtags up; reusing the {seeded.Posts:N0} publications already in {bench.State}");
        else
            await Library.SeedAsync(hashtagsDb.ConnectionString, Workspace, publications, DateTimeOffset.UtcNow.Date, BenchServers.Say);
        var (posts, uses) = await Library.CountAsync(hashtagsDb.ConnectionString, Workspace);

        var gateway = await bench.StartGatewayAsync(gatewayDb, hashtags, Key);
        var http = new HttpClient { BaseAddress = gateway.Endpoints["http"], Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        var results = new List<string>();
        void Report(string line)
        {
            results.Add(line);
            BenchServers.Say(line);
        }
        async Task<double> Timed(Func<Task> call)
        {
            var watch = Stopwatch.StartNew();
            await call();
            return watch.Elapsed.TotalMilliseconds;
        }
        async Task Get(string path) => (await http.GetAsync(path)).EnsureSuccessStatusCode();
        async Task Time(string name, int count, Func<int, Task> call)
        {
            var calls = 0;
            var first = await Timed(() => call(calls++));
            var latency = await Measure.LatencyAsync(count, () => call(calls++), warmup: 0);
            Report($"| {name} | {first:N0} ms | {latency.P50:N0} ms | {latency.P95:N0} ms | {count} |");
        }

        // The first call reads the workspace into memory; later ones with the same question answer from what was worked out.
        // Every tag on every platform in one answer (limit=100000): the first call reads the library.
        await Time("`GET /hashtags/performance?limit=100000` (every tag on every platform): first call reads the library", samples,
            _ => Get("/api/v1/hashtags/performance?limit=100000"));
        // A new minUses each call: every tag's effectiveness worked out afresh from the copy, nothing kept used.
        await Time("the same, worked out afresh each call (a new `minUses`)", samples,
            i => Get($"/api/v1/hashtags/performance?limit=100000&minUses={20 + i}"));
        await Time("the same, answering the first page (500 tags)", samples, i => Get($"/api/v1/hashtags/performance?minUses={40 + i}"));
        await Time("`GET /hashtags/performance?platform=tiktok`, worked out afresh each call", samples,
            i => Get($"/api/v1/hashtags/performance?platform=tiktok&minUses={20 + i}"));

        var settle = TimeSpan.FromSeconds(bench.Arg("settle-seconds", 30));
        await Library.ChangeAsync(hashtagsDb.ConnectionString, Workspace);
        await Task.Delay(settle);
        Report($"| `GET /hashtags/performance?limit=100000`, {settle.TotalSeconds:0} s after a change | " +
            $"{await Timed(() => Get("/api/v1/hashtags/performance?limit=100000")):N0} ms | | | 1 |");

        await Time("`GET /hashtags/trending?platform=tiktok` (worked out each call)", samples, _ => Get("/api/v1/hashtags/trending?platform=tiktok"));
        var request = new { platform = "tiktok", caption = "Sunday market run, what would you cook with these? #food", count = 10 };
        await Time("`POST /hashtags/recommendations` (TikTok, 10 tags)", samples * 40,
            _ => http.PostAsJsonAsync("/api/v1/hashtags/recommendations", request, JsonSerializerOptions.Web)
                .ContinueWith(t => t.Result.EnsureSuccessStatusCode(), TaskScheduler.Default));

        Console.WriteLine($"""

            Library: {posts:N0} publications with {uses:N0} tag uses (workspace "{Workspace}"), {Environment.ProcessorCount} cores.
            hashtags peak resident memory during the run: {Measure.PeakResidentMegabytes(hashtags.ProcessId)} MB; after: {Measure.ResidentMegabytes(hashtags.ProcessId)} MB.

            | route | first call | median | p95 | samples |
            |---|---|---|---|---|
            {string.Join('\n', results)}

            """);
    }
}
