using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.Bench;
using CreatorMeta.ServiceDefaults;

// Usage: bench/run.sh analytics [--publications=1000000] [--samples=5] [--state=DIR] [--settle-seconds=30] [--no-yardstick (skips pandas + statsmodels)]
await using var bench = new BenchServers(args, "creatormeta-analytics-bench");
var publications = bench.Arg("publications", 1_000_000);
var samples = bench.Arg("samples", 5);
const string Workspace = "dev";
const string Key = "cm_bench_key_0123456789abcdef";
const int MinPosts = 10;

var (root, state) = (bench.Root, bench.State);

var postgres = await bench.StartAsync(new PostgresServerResource(ResourceNames.Postgres, state, null));
var broker = await bench.StartAsync(new RabbitMQServerResource(ResourceNames.Messaging, state, null));
var analyticsDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.Analytics), postgres));
var gatewayDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.Gateway), postgres));
var analytics = bench.Service(ResourceNames.Analytics, "services/Analytics/CreatorMeta.Analytics.csproj");
analytics.ConnectionStrings.AddRange([analyticsDb, broker]);
await bench.StartAsync(analytics);
if (await Library.CountAsync(analyticsDb.ConnectionString, Workspace) is var seeded and > 0)
    BenchServers.Say($"analytics up; reusing the {seeded:N0} publications already in {state}");
else
    await Library.SeedAsync(analyticsDb.ConnectionString, Workspace, publications, BenchServers.Say);

var gateway = await bench.StartGatewayAsync(gatewayDb, analytics, Key);
var http = new HttpClient { BaseAddress = gateway.Endpoints["http"], Timeout = TimeSpan.FromMinutes(10) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
var results = new List<string>();
async Task<string> Get(string path) => await (await http.GetAsync(path)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
async Task<(double First, Measure.Latency Warm)> Time(string name, string path, int count)
{
    var watch = Stopwatch.StartNew();
    await Get(path);
    var first = watch.Elapsed.TotalMilliseconds;
    var latency = await Measure.LatencyAsync(count, () => Get(path), warmup: 0);
    results.Add($"| `{name}` | {first:N0} ms | {latency.P50:N0} ms | {latency.P95:N0} ms | {count} |");
    BenchServers.Say(results[^1]);
    return (first, latency);
}

var trends = await Time("GET /analytics/trends", $"/api/v1/analytics/trends?minPosts={MinPosts}", samples);
// A change retires the copy; analytics reads the workspace again once changes settle, so a creator who asks a little
// later does not wait for PostgreSQL. (Asked at once, the request reads it itself: the first-call time above.)
var settled = TimeSpan.FromSeconds(bench.Arg("settle-seconds", 30));
await Library.ChangeAsync(analyticsDb.ConnectionString, Workspace);
await Task.Delay(settled);
var afterChange = Stopwatch.StartNew();
await Get($"/api/v1/analytics/trends?minPosts={MinPosts}");
results.Add($"| `GET /analytics/trends`, {settled.TotalSeconds:0} s after a change | {afterChange.Elapsed.TotalMilliseconds:N0} ms | | | 1 |");
BenchServers.Say(results[^1]);
await Time("GET /analytics/best-times?platform=tiktok", "/api/v1/analytics/best-times?platform=tiktok", samples * 4);
await Time("GET /analytics/best-times?platform=tiktok&account=@creator3", "/api/v1/analytics/best-times?platform=tiktok&account=%40creator3", samples * 4);
await Time("GET /analytics/top", "/api/v1/analytics/top", samples);
await Time("GET /analytics/report", "/api/v1/analytics/report", samples);
var peak = Measure.PeakResidentMegabytes(analytics.ProcessId);
if (args.Contains("--no-yardstick"))
{
    Console.WriteLine($"\nanalytics peak resident memory: {peak} MB\n\n| route | first call | median | p95 | samples |\n|---|---|---|---|---|\n{string.Join('\n', results)}");
    return;
}

// The yardstick: the same analysis with pandas + statsmodels on the exported rows and the model terms we kept.
var dataset = Path.Combine(state, "dataset.csv");
var export = Stopwatch.StartNew();
await using (var file = File.Create(dataset))
    await (await http.GetAsync("/api/v1/analytics/dataset.csv", HttpCompletionOption.ResponseHeadersRead)).EnsureSuccessStatusCode().Content.CopyToAsync(file);
results.Add($"| `GET /analytics/dataset.csv` ({new FileInfo(dataset).Length / 1e6:N0} MB) | {export.Elapsed.TotalMilliseconds:N0} ms | | | 1 |");
using var ours = JsonDocument.Parse(await Get($"/api/v1/analytics/trends?minPosts={MinPosts}"));
var terms = Path.Combine(state, "terms.json");
var ourTerms = ours.RootElement.GetProperty("model").GetProperty("fit").GetProperty("terms").EnumerateArray()
    .ToDictionary(t => t.GetProperty("term").GetString()!);
await File.WriteAllTextAsync(terms, JsonSerializer.Serialize(ourTerms.Keys));
BenchServers.Say("running pandas + statsmodels on the export");
var python = Stopwatch.StartNew();
using var theirs = JsonDocument.Parse(await RunAsync("/usr/bin/python3", Path.Combine(root, "bench/Analytics.Bench/trends_pandas.py"), dataset, MinPosts.ToString(), terms));
var pythonWall = python.Elapsed.TotalSeconds;
var seconds = theirs.RootElement.GetProperty("seconds");
var (load, effects, model) = (seconds.GetProperty("load").GetDouble(), seconds.GetProperty("effects").GetDouble(), seconds.GetProperty("model").GetDouble());
var ourEffects = ours.RootElement.GetProperty("effects").EnumerateArray().Where(e => e.GetProperty("q").ValueKind == JsonValueKind.Number)
    .ToDictionary(e => (e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!));
var effectGap = theirs.RootElement.GetProperty("effects").EnumerateArray().Max(e =>
{
    var mine = ourEffects[(e.GetProperty("attribute").GetString()!, e.GetProperty("value").GetString()!)];
    return new[] { "lift", "low", "high", "p", "q" }.Max(n => Math.Abs(mine.GetProperty(n).GetDouble() - e.GetProperty(n).GetDouble()));
});
var modelGap = theirs.RootElement.GetProperty("model").EnumerateArray().Max(t => new[] { "estimate", "standardError", "p" }
    .Max(n => Math.Abs(ourTerms[t.GetProperty("term").GetString()!].GetProperty(n).GetDouble() - t.GetProperty(n).GetDouble())));
var testedCount = theirs.RootElement.GetProperty("effects").GetArrayLength();
Console.WriteLine($"""

    Library: {publications:N0} publications (workspace "{Workspace}"), {Environment.ProcessorCount} cores. Model: {ourTerms.Count} attribute terms, {testedCount} values tested.
    analytics peak resident memory during the run: {peak} MB; after: {Measure.ResidentMegabytes(analytics.ProcessId)} MB.

    | route | first call | median | p95 | samples |
    |---|---|---|---|---|
    {string.Join('\n', results)}

    pandas + statsmodels on the export: read {load:0.0} s, effects {effects:0.0} s, model {model:0.0} s ({load + effects + model:0.0} s; process {pythonWall:0.0} s).
    Ours, the whole request through the gateway (both analyses, JSON): first call, reading the workspace from PostgreSQL,
    {trends.First / 1000:0.00} s — {(load + effects + model) / (trends.First / 1000):0.0}× faster; later calls, from the copy kept in memory
    until something changes, median {trends.Warm.P50 / 1000:0.00} s — {(load + effects + model) / (trends.Warm.P50 / 1000):0.0}× faster
    (against pandas' analysis alone, without its read: {(effects + model) / (trends.First / 1000):0.0}× and {(effects + model) / (trends.Warm.P50 / 1000):0.0}×).
    Agreement: largest difference {effectGap:0.0e0} on the tested values, {modelGap:0.0e0} on the model terms.
    """);

static async Task<string> RunAsync(string program, params string[] arguments)
{
    var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
        start.ArgumentList.Add(argument);
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{program} failed: {await errors}");
}

