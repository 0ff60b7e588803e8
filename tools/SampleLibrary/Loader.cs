using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CreatorMeta.SampleLibrary;

/// <summary>What a load created: accounts, assets with their publications, and metric readings accepted.</summary>
public sealed record LoadSummary(int Accounts, int Posts, int Readings);

/// <summary>
/// Sends posts to a workspace through the gateway's public routes, as a creator's own tooling would: each account with
/// its time zone (<c>POST /accounts</c>), each post as an asset (<c>POST /assets</c>) and its publication
/// (<c>POST /assets/{id}/publications</c>), then the readings in batches (<c>POST /metrics/observations</c>). Meant for a
/// new workspace: run twice, the duplicate guard refuses the second copy of every publication.
/// </summary>
public sealed class Loader(HttpClient api, int concurrency = 4, Action<string>? log = null)
{
    public const int ReadingsPerBatch = 500;

    public async Task<LoadSummary> LoadAsync(IReadOnlyList<SamplePost> posts, CancellationToken cancellationToken = default)
    {
        var accounts = posts.Select(p => (p.Platform, p.Account, p.TimeZone)).Distinct().ToList();
        await Parallel.ForEachAsync(accounts, Options(cancellationToken), async (a, token) =>
        {
            var response = await api.PostAsJsonAsync("/api/v1/accounts", new { platform = a.Platform, handle = a.Account, timeZone = a.TimeZone }, token);
            if (response.StatusCode != HttpStatusCode.Conflict)
                await Check(response, $"account {a.Platform} {a.Account}");
        });
        log?.Invoke($"{accounts.Count} accounts registered");

        var done = 0;
        await Parallel.ForEachAsync(posts, Options(cancellationToken), async (post, token) =>
        {
            var asset = await Check(await api.PostAsJsonAsync("/api/v1/assets", new
            {
                title = post.Title, kind = post.Kind, durationSeconds = post.DurationSeconds, topics = post.Topics,
            }, token), $"asset of {post.Platform} post {post.PostId}");
            await Check(await api.PostAsJsonAsync($"/api/v1/assets/{asset.GetProperty("id").GetString()}/publications", new
            {
                platform = post.Platform, account = post.Account, externalPostId = post.ExternalPostId, postUrl = post.PostUrl,
                publishedAt = post.PublishedAt, caption = post.Caption, hashtags = post.Hashtags,
            }, token), $"publication of {post.Platform} post {post.PostId}");
            if (Interlocked.Increment(ref done) % 500 == 0)
                log?.Invoke($"{done} of {posts.Count} posts recorded");
        });

        var readings = posts.SelectMany(post => post.Readings.Select(r => new
        {
            platform = post.Platform, account = post.Account, externalPostId = post.PostId, observedAt = r.ObservedAt, source = r.Source,
            sourceEventId = r.SourceEventId, metrics = r.Metrics,
        })).ToList();
        await Parallel.ForEachAsync(readings.Chunk(ReadingsPerBatch), Options(cancellationToken), async (batch, token) =>
            await Check(await api.PostAsJsonAsync("/api/v1/metrics/observations", new { observations = batch }, token), "a batch of readings"));
        log?.Invoke($"{posts.Count} posts and {readings.Count} readings sent");
        return new LoadSummary(accounts.Count, posts.Count, readings.Count);
    }

    private ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };

    private static async Task<JsonElement> Check(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {body}");
        return body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default;
    }
}
