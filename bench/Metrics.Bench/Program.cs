using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.Bench;
using CreatorMeta.Contracts.Connectors;
using CreatorMeta.ServiceDefaults;
using Npgsql;
using RabbitMQ.Client;

// Usage: bench/run.sh metrics [--publications=1000000] [--observations=200000] [--samples=500] [--state=DIR]
await using var bench = new BenchServers(args, "creatormeta-metrics-bench");
var publications = bench.Arg("publications", 1_000_000);
var observations = bench.Arg("observations", 200_000);
var samples = bench.Arg("samples", 500);
const string Workspace = "dev";
const string Key = "cm_bench_key_0123456789abcdef";

var (root, state) = (bench.Root, bench.State);

var postgres = await bench.StartAsync(new PostgresServerResource(ResourceNames.Postgres, state, null));
var broker = await bench.StartAsync(new RabbitMQServerResource(ResourceNames.Messaging, state, null));
var metricsDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.MetricsIngestion), postgres));
var gatewayDb = await bench.StartAsync(new PostgresDatabaseResource(ResourceNames.DatabaseOf(ResourceNames.Gateway), postgres));
var metrics = bench.Service(ResourceNames.MetricsIngestion, "services/MetricsIngestion/CreatorMeta.MetricsIngestion.csproj");
metrics.ConnectionStrings.AddRange([metricsDb, broker]);
await bench.StartAsync(metrics);
var library = Library.Plan(publications, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
if (await Library.CountAsync(metricsDb.ConnectionString, Workspace) is var seeded and > 0)
    BenchServers.Say($"metrics-ingestion up; reusing the {seeded:N0} publications already in {state}");
else
    await library.SeedAsync(metricsDb.ConnectionString, Workspace, BenchServers.Say);

var gateway = await bench.StartGatewayAsync(gatewayDb, metrics, Key);
var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = gateway.Endpoints["http"], Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
var results = new List<string>();
var random = new Random(11);
var touched = new List<int>();
// Each round reads a post once (a post's source event ids are per round), in a random order over the library.
int[] Sample(int count) => [.. Enumerable.Range(0, library.Count).OrderBy(_ => random.Next()).Take(count)];

object Observation(int i, string source, int round)
{
    touched.Add(i);
    var observedAt = library.PublishedAt(i).AddHours(1 + round * 20 + random.Next(20));
    return new
    {
        workspaceId = Workspace, platform = library.Platform(i), account = library.Account(i), externalPostId = library.PostId(i),
        observedAt, source, sourceEventId = $"{source}-{round}-{i}", metrics = library.Reading(i, observedAt),
    };
}

// 1. Connectors' raw JSON on the topic exchange, as fast as the broker takes it; timed to resolved and published.
{
    var factory = new ConnectionFactory { Uri = new Uri(broker.ConnectionString) };
    await using var connection = await factory.CreateConnectionAsync();
    await using var channel = await connection.CreateChannelAsync();
    await channel.ExchangeDeclareAsync(ConnectorExchange.Name, ExchangeType.Topic, durable: true);
    var bodies = Sample(observations).Select(i => JsonSerializer.SerializeToUtf8Bytes(Observation(i, "api", 1))).ToList();
    var before = await ProgressAsync(metricsDb.ConnectionString);
    var watch = Stopwatch.StartNew();
    var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
    foreach (var body in bodies)
        await channel.BasicPublishAsync(ConnectorExchange.Name, ConnectorExchange.EngagementObserved, false, properties, body);
    var sent = watch.Elapsed;
    var done = await UntilDoneAsync(metricsDb.ConnectionString, before.Stored + observations, watch);
    results.Add($"| connector JSON → stored, resolved, MetricsUpdated published | {observations:N0} observations | {observations / done.TotalSeconds:N0} obs/s (sent in {sent.TotalSeconds:0.0} s, done in {done.TotalSeconds:0.0} s) |");
    BenchServers.Say(results[^1]);
}

// 2. The REST batch route through the gateway, 1,000 per request from 4 clients.
{
    var batches = Sample(observations / 1000 * 1000).Chunk(1000).Select(chunk => chunk.Select(i => Observation(i, "webhook", 2)).ToArray()).ToList();
    var before = await ProgressAsync(metricsDb.ConnectionString);
    var watch = Stopwatch.StartNew();
    var upload = await Measure.ThroughputAsync(4, batches.Count, async b =>
        (await http.PostAsJsonAsync("/api/v1/metrics/observations", new { observations = batches[b] })).EnsureSuccessStatusCode());
    var done = await UntilDoneAsync(metricsDb.ConnectionString, before.Stored + batches.Count * 1000, watch);
    results.Add($"| REST batches of 1,000 → stored, resolved, MetricsUpdated published | {batches.Count * 1000:N0} observations | {batches.Count * 1000 / done.TotalSeconds:N0} obs/s (request p50 {upload.Latency.P50:0} ms, p95 {upload.Latency.P95:0} ms) |");
    BenchServers.Say(results[^1]);
}

// 3. Five sources reporting the same posts at once (the requirement's concurrent updates from several platform
// sources): each request carries 200 posts as api, webhook, csv, scrape and manual saw them, so one resolution
// takes in five readings.
{
    string[] sources = ["api", "webhook", "csv", "scrape", "manual"];
    var batches = Sample(observations / 1000 * 200).Chunk(200)
        .Select(chunk => chunk.SelectMany(i => sources.Select(source => Observation(i, source, 3))).ToArray()).ToList();
    var before = await ProgressAsync(metricsDb.ConnectionString);
    var watch = Stopwatch.StartNew();
    var upload = await Measure.ThroughputAsync(4, batches.Count, async b =>
        (await http.PostAsJsonAsync("/api/v1/metrics/observations", new { observations = batches[b] })).EnsureSuccessStatusCode());
    var done = await UntilDoneAsync(metricsDb.ConnectionString, before.Stored + batches.Count * 1000, watch);
    results.Add($"| REST batches of 1,000, five sources per post → stored, resolved, MetricsUpdated published | {batches.Count * 1000:N0} observations of {batches.Count * 200:N0} posts | {batches.Count * 1000 / done.TotalSeconds:N0} obs/s (request p50 {upload.Latency.P50:0} ms, p95 {upload.Latency.P95:0} ms) |");
    BenchServers.Say(results[^1]);
}

// 4. One post's resolved metrics through the gateway.
{
    var read = await Measure.LatencyAsync(samples, async () =>
        (await http.GetAsync($"/api/v1/publications/{library.PublicationId(touched[random.Next(touched.Count)])}/metrics")).EnsureSuccessStatusCode());
    results.Add($"| `GET /publications/{{id}}/metrics` | p50 {read.P50:0.0} ms | p95 {read.P95:0.0} ms |");
    BenchServers.Say(results[^1]);
}

Console.WriteLine($"""

    Library: {library.Count:N0} publications (workspace "{Workspace}"), {Environment.ProcessorCount} cores.
    metrics-ingestion resident memory after the run: {Measure.ResidentMegabytes(metrics.ProcessId)} MB; gateway: {Measure.ResidentMegabytes(gateway.ProcessId)} MB.

    | path | volume | result |
    |---|---|---|
    {string.Join('\n', results)}
    """);

static async Task<(long Stored, long Pending, long Unpublished)> ProgressAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("""
        SELECT (SELECT count(*) FROM raw_observations), (SELECT count(*) FROM resolution_queue),
               (SELECT count(*) FROM outbox_messages WHERE dispatched_at IS NULL)
        """, connection);
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
}

// Done when every observation is stored, no post waits for resolution and every staged event is on the broker.
static async Task<TimeSpan> UntilDoneAsync(string connectionString, long stored, Stopwatch watch)
{
    TimeSpan? allStored = null, allResolved = null;
    while (true)
    {
        var progress = await ProgressAsync(connectionString);
        allStored ??= progress.Stored >= stored ? watch.Elapsed : null;
        allResolved ??= allStored is not null && progress.Pending == 0 ? watch.Elapsed : null;
        if (allResolved is not null && progress.Unpublished == 0)
        {
            Console.WriteLine($"  stored after {allStored!.Value.TotalSeconds:0.0} s, resolved after {allResolved.Value.TotalSeconds:0.0} s, published after {watch.Elapsed.TotalSeconds:0.0} s");
            return watch.Elapsed;
        }
        if (watch.Elapsed > TimeSpan.FromMinutes(30))
            throw new TimeoutException($"Not done after 30 minutes: {progress}.");
        await Task.Delay(100);
    }
}

