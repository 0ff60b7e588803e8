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
/// new workspace: a second run stops at the first post, whose publication the duplicate guard refuses (409) as already live.
/// </summary>
public sealed class Loader(HttpClient api, int concurrency = 4, Action<string>? log = null)
{
    public const int ReadingsPerBatch = 500;

    public async Task<LoadSummary> LoadAsync(IReadOnlyList<SamplePost> posts, CancellationToken cancellationToken = default)
    {
        var accounts = posts.Select(p => (p.Platform, p.Account, p.TimeZone)).Distinct().ToList();
        await Parallel.ForEachAsync(accounts, Options(cancellationToken), async (a, token) =>
        {
            await PostAsync("/api/v1/accounts", new { platform = a.Platform, handle = a.Account, timeZone = a.TimeZone },
                $"account {a.Platform} {a.Account}", token, alreadyThere: HttpStatusCode.Conflict);
        });
        log?.Invoke($"{accounts.Count} accounts registered");

        var done = 0;
        await Parallel.ForEachAsync(posts, Options(cancellationToken), async (post, token) =>
        {
            var asset = await PostAsync("/api/v1/assets", new
            {
                title = post.Title, kind = post.Kind, durationSeconds = post.DurationSeconds, topics = post.Topics,
            }, $"asset of {post.Platform} post {post.PostId}", token);
            await PostAsync($"/api/v1/assets/{asset.GetProperty("id").GetString()}/publications", new
            {
                platform = post.Platform, account = post.Account, externalPostId = post.ExternalPostId, postUrl = post.PostUrl,
                publishedAt = post.PublishedAt, caption = post.Caption, hashtags = post.Hashtags,
            }, $"publication of {post.Platform} post {post.PostId}", token);
            if (Interlocked.Increment(ref done) % 500 == 0)
                log?.Invoke($"{done} of {posts.Count} posts recorded");
        });

        var readings = posts.SelectMany(post => post.Readings.Select(r => new
        {
            platform = post.Platform, account = post.Account, externalPostId = post.PostId, observedAt = r.ObservedAt, source = r.Source,
            sourceEventId = r.SourceEventId, metrics = r.Metrics,
        })).ToList();
        await Parallel.ForEachAsync(readings.Chunk(ReadingsPerBatch), Options(cancellationToken), async (batch, token) =>
            await PostAsync("/api/v1/metrics/observations", new { observations = batch }, "a batch of readings", token));
        log?.Invoke($"{posts.Count} posts and {readings.Count} readings sent");
        return new LoadSummary(accounts.Count, posts.Count, readings.Count);
    }

    private ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };

    /// <summary>
    /// Posts <paramref name="body"/>, waiting out the gateway's rate limit as it asks (429 with Retry-After) however often
    /// it does; any other refusal, except <paramref name="alreadyThere"/>, stops the load with the problem the API gave.
    /// </summary>
    private async Task<JsonElement> PostAsync(string path, object body, string what, CancellationToken cancellationToken,
        HttpStatusCode? alreadyThere = null)
    {
        while (true)
        {
            using var response = await api.PostAsJsonAsync(path, body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode && response.StatusCode != alreadyThere)
                throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {text}");
            return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
        }
    }
}
