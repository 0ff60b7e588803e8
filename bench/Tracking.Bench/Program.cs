using System.Net.Http.Headers;
using System.Net.Http.Json;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.Bench;
using CreatorMeta.Contracts.Tracking.V1;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Resilience;

// Usage: bench/run.sh [--assets=1000000] [--publications=3000000] [--samples=200] [--state=DIR] [--only=search,record,check,import]
await using var bench = new BenchServers(args, "creatormeta-bench");
var assets = bench.Arg("assets", 1_000_000);
var publications = bench.Arg("publications", 3_000_000);
var samples = bench.Arg("samples", 200);
var only = bench.Text("only")?.Split(',') ?? ["search", "record", "check", "import"];
const string Workspace = "dev";
const string Key = "cm_bench_key_0123456789abcdef";

var (root, state) = (bench.Root, bench.State);

var postgres = await bench.StartAsync(new PostgresServerResource(ResourceNames.Postgres, state, null));
var broker = await bench.StartAsync(new RabbitMQServerResource(ResourceNames.Messaging, state, null));
var trackingDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.Tracking), postgres));
var gatewayDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.Gateway), postgres));
var tracking = bench.Service(ResourceNames.Tracking, "services/Tracking/CreatorMeta.Tracking.csproj");
tracking.AddGrpcEndpoint();
tracking.ConnectionStrings.AddRange([trackingDb, broker]);
await bench.StartAsync(tracking);
if (await Seeder.CountAssetsAsync(trackingDb.ConnectionString, Workspace) is var seeded and > 0)
    BenchServers.Say($"tracking up; reusing the {seeded:N0} assets already in {state}");
else
{
    BenchServers.Say($"tracking up; seeding {assets:N0} assets and {publications:N0} publications");
    await Seeder.SeedAsync(trackingDb.ConnectionString, Workspace, assets, publications, Dataset.Load(root), BenchServers.Say);
}

var gateway = await bench.StartGatewayAsync(gatewayDb, tracking, Key);
var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = gateway.Endpoints["http"] };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
var results = new List<string>();

// 1. Search and filter through the gateway, one caller at a time.
string[] queries =
[
    "", "q=sunset", "q=" + Uri.EscapeDataString("du lịch"), "platform=tiktok", "topic=travel&kind=video", "hashtag=fyp",
    "notPublishedOn=youtube", "publishedFrom=2024-01-01T00:00:00Z&publishedTo=2024-02-01T00:00:00Z", "q=trend&platform=instagram",
    "topic=coffee&notPublishedOn=tiktok&status=published",
];
if (only.Contains("search"))
{
    foreach (var query in queries)
    {
        var latency = await Measure.LatencyAsync(samples, async () => (await http.GetAsync("/api/v1/assets?limit=50&" + query)).EnsureSuccessStatusCode());
        results.Add($"| search `{(query.Length == 0 ? "(newest first)" : Uri.UnescapeDataString(query))}` | {latency.P50:0.0} ms | {latency.P95:0.0} ms |");
        BenchServers.Say(results[^1]);
    }
    var mixed = await Measure.ThroughputAsync(16, samples * 10, async i =>
        (await http.GetAsync("/api/v1/assets?limit=50&" + queries[i % queries.Length])).EnsureSuccessStatusCode());
    results.Add($"| search mix, 16 concurrent callers | {mixed.Latency.P50:0.0} ms | {mixed.Latency.P95:0.0} ms | {mixed.PerSecond:0} req/s |");
    BenchServers.Say(results[^1]);
}

// 2. Recording publications with the duplicate guard, 16 concurrent clients; every 10th is a deliberate repeat (409).
var fresh = new string[samples * 20];
await Measure.ThroughputAsync(16, fresh.Length, async i =>
{
    var response = await http.PostAsJsonAsync("/api/v1/assets", new { title = $"bench asset {i}", kind = "photo", perceptualHash = $"{Random.Shared.NextInt64():x16}" });
    fresh[i] = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<IdOnly>())!.Id;
});
if (only.Contains("record"))
{
    async Task Record(int i, string account)
    {
        var asset = fresh[i % 10 == 9 ? i - 1 : i];
        var response = await http.PostAsJsonAsync($"/api/v1/assets/{asset}/publications",
            new { platform = "tiktok", account, publishedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        if (response.StatusCode is not (System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict))
            throw new InvalidOperationException($"record: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
    // Sixteen sources each posting for their own account (accounts are what the guard serializes on)...
    var spread = await Measure.ThroughputAsync(16, fresh.Length / 2, i => Record(i, $"@source{(i % 10 == 9 ? i - 1 : i) % 16}"));
    results.Add($"| record publication, 16 clients on 16 accounts | {spread.Latency.P50:0.0} ms | {spread.Latency.P95:0.0} ms | {spread.PerSecond:0} req/s |");
    BenchServers.Say(results[^1]);
    // ...and the worst case: all sixteen on one account, where every decision waits for the one before.
    var single = await Measure.ThroughputAsync(16, fresh.Length / 2, i => Record(fresh.Length / 2 + i, "@one"));
    results.Add($"| record publication, 16 clients on one account | {single.Latency.P50:0.0} ms | {single.Latency.P95:0.0} ms | {single.PerSecond:0} req/s |");
    BenchServers.Say(results[^1]);
}

if (only.Contains("check"))
{
    // 3. Near-duplicate lookup: CheckPublication scans perceptual hashes across the whole library.
    var grpc = new GrpcClient(new HttpClient { BaseAddress = tracking.Endpoints["grpc"] }, ResiliencePipelines.ForGrpc());
    var method = GrpcMethod<CheckPublicationRequest, CheckPublicationReply>.From(TrackingReflection.Descriptor.Services[0], "CheckPublication");
    var check = await Measure.LatencyAsync(samples, () => grpc.CallAsync(method, new CheckPublicationRequest
    {
        WorkspaceId = Workspace, AssetId = fresh[Random.Shared.Next(fresh.Length)], Platform = "instagram", Account = "@main",
    }));
    results.Add($"| gRPC CheckPublication (exact + near-duplicate over the library) | {check.P50:0.0} ms | {check.P95:0.0} ms |");
    BenchServers.Say(results[^1]);
}
if (only.Contains("import"))
{
    var import = await Measure.LatencyAsync(samples, async () => (await http.PostAsJsonAsync("/api/v1/publications/import", new
    {
        rows = new[] { new { url = $"https://x.com/bench/status/{Random.Shared.NextInt64(1_000_000_000_000, 9_000_000_000_000)}", account = "@main",
            publishedAt = DateTimeOffset.UtcNow.AddDays(-1), perceptualHash = $"{Random.Shared.NextInt64():x16}" } },
    })).EnsureSuccessStatusCode());
    results.Add($"| import by URL with perceptual-hash matching | {import.P50:0.0} ms | {import.P95:0.0} ms |");
    BenchServers.Say(results[^1]);
}

Console.WriteLine($"""

    Library: {assets:N0} assets, {publications:N0} publications (workspace "{Workspace}"), {Environment.ProcessorCount} cores.
    Tracking resident memory after the run: {Measure.ResidentMegabytes(tracking.ProcessId)} MB; gateway: {Measure.ResidentMegabytes(gateway.ProcessId)} MB.

    | operation | p50 | p95 | throughput |
    |---|---|---|---|
    {string.Join('\n', results)}
    """);

internal sealed record IdOnly(string Id);
