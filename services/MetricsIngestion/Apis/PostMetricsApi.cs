using System.Text.Json;
using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.MetricsIngestion.Apis;

/// <summary>Resolved numbers: one post with its history, conflicts and score; one asset on every platform side by side.</summary>
public static class PostMetricsApi
{
    private const int MaxRawObservations = 1000;

    public static IEndpointRouteBuilder MapPostMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/publications/{id:guid}/metrics", GetPublicationMetrics).WithTags("Metrics");
        app.MapGet("/api/v1/metrics/posts/{platform}/{externalPostId}", GetPostMetrics).WithTags("Metrics");
        app.MapGet("/api/v1/assets/{id:guid}/performance", GetAssetPerformance).WithTags("Metrics");
        return app;
    }

    /// <summary><c>?include=observations</c> adds the newest raw observations (up to 1000), each field with what it meant.</summary>
    public static async Task<Results<Ok<PostMetricsResponse>, ProblemHttpResult>> GetPublicationMetrics(Guid id, string? include,
        WorkspaceId workspace, PostQueries posts, MappingStore mappings, CancellationToken cancellationToken)
    {
        var post = await posts.ByPublicationAsync(workspace.Value, id, cancellationToken);
        return post is null
            ? ApiProblems.NotFound("Publication", id.ToString())
            : TypedResults.Ok(await RespondAsync(post, workspace.Value, include, posts, mappings, cancellationToken));
    }

    /// <summary>A post by its platform id, also before tracking has recorded it (retrospective tracking).</summary>
    public static async Task<Results<Ok<PostMetricsResponse>, ProblemHttpResult>> GetPostMetrics(string platform, string externalPostId,
        string? include, WorkspaceId workspace, PostQueries posts, MappingStore mappings, CancellationToken cancellationToken)
    {
        // An id no reading could have been stored under names no post.
        var post = Platforms.Normalize(platform) is { } known && externalPostId.Length <= 200 && StorableText.IsStorable(externalPostId)
            ? await posts.ByPostAsync(workspace.Value, known, externalPostId.Trim(), cancellationToken)
            : null;
        return post is null
            ? ApiProblems.NotFound("Post", $"{platform}/{externalPostId}")
            : TypedResults.Ok(await RespondAsync(post, workspace.Value, include, posts, mappings, cancellationToken));
    }

    public static async Task<Results<Ok<AssetPerformance>, ProblemHttpResult>> GetAssetPerformance(Guid id, WorkspaceId workspace,
        PostQueries posts, CancellationToken cancellationToken)
    {
        var publications = await posts.ByAssetAsync(workspace.Value, id, cancellationToken);
        if (publications.Count == 0)
            return ApiProblems.NotFound("Asset", id.ToString());
        var sideBySide = publications.Select(p => new AssetPlatformPerformance(Identity(p), Status(p),
            p.Metrics?.Values.ToDictionary(v => v.Key, v => v.Value.Value) ?? [], p.Metrics?.Derived ?? [], p.Metrics?.Ages ?? [],
            p.Metrics?.Score)).ToList();
        var derived = publications.Where(p => p.Metrics is not null).Select(p => p.Metrics!.Derived).ToList();
        var rates = DerivedMetrics.Definitions.Where(d => d.Name != DerivedMetrics.Engagement).Select(d => GroupRates.Compute(d.Name, derived)).ToList();
        return TypedResults.Ok(new AssetPerformance(id, sideBySide, rates));
    }

    private static async Task<PostMetricsResponse> RespondAsync(StoredPost post, string workspace, string? include, PostQueries posts,
        MappingStore mappings, CancellationToken cancellationToken)
    {
        List<RawObservation>? raw = null;
        if (include == "observations" && post.ExternalPostId is not null)
        {
            var set = await mappings.ForWorkspaceAsync(workspace, cancellationToken);
            raw = [.. (await posts.ObservationsAsync(workspace, post.Platform, post.ExternalPostId, MaxRawObservations, cancellationToken))
                .Select(o => Explain(o, post.Platform, set))];
        }
        return new PostMetricsResponse(Identity(post), Status(post), post.Metrics, raw);
    }

    private static RawObservation Explain(StoredObservation observation, string platform, MappingSet mappings)
    {
        var reading = MetricNormalizer.Normalize(mappings, platform, observation.ObservedAt, RawValues.ReadObject(observation.Metrics));
        using var raw = JsonDocument.Parse(observation.Metrics);
        return new RawObservation(observation.Id, observation.ObservedAt, observation.Source, observation.SourceEventId,
            raw.RootElement.Clone(), reading.Lifetime.ToDictionary(v => v.Key, v => v.Value.Value),
            reading.Windowed.ToDictionary(v => $"{v.Key.Metric}:{v.Key.Scope.Name()}", v => v.Value.Value), reading.Unmapped, reading.Absent, reading.Invalid);
    }

    private static PostIdentity Identity(StoredPost p) =>
        new(p.PublicationId, p.AssetId, p.Platform, p.Account, p.ExternalPostId ?? "", p.PublishedAt, p.RemovedAt, p.Format);

    private static string Status(StoredPost p) =>
        p.ExternalPostId is null ? "no-post-id" : p.NeedsResolution ? "pending" : p.Metrics is null || p.Metrics.Observations == 0 ? "no-observations" : "resolved";
}
