using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Apis;

public static class PlatformsApi
{
    public static IEndpointRouteBuilder MapPlatformsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/analytics").WithTags("Analytics")
            .MapGet("/platforms", GetPlatforms);
        return app;
    }

    public static async Task<Results<Ok<PlatformComparison>, ValidationProblem>> GetPlatforms(DateTimeOffset? from, DateTimeOffset? to,
        WorkspaceId workspace, AnalyticsDb db, AnalysisCache cache, CancellationToken cancellationToken)
    {
        var (scope, _, errors) = new AnalysisQuery(null, null, from, to, null).Validate(workspace.Value);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        return TypedResults.Ok(await CompareAsync(db, await cache.PostsAsync(workspace.Value, cancellationToken), scope!, cancellationToken));
    }

    /// <summary>The platforms in scope (its platform and account, published in its [from, to)); the numbers from <paramref name="posts"/>.</summary>
    public static async Task<PlatformComparison> CompareAsync(AnalyticsDb db, WorkspacePosts posts, AnalysisScope scope, CancellationToken cancellationToken)
    {
        // A fact only an edit or removal has reached yet waits for its recording, which tracking's outbox always sends.
        var recorded = db.Publications.Where(p => p.WorkspaceId == scope.Workspace && p.PublishedAt != null
            && (scope.Platform == null || p.Platform == scope.Platform) && (scope.Account == null || p.Account == scope.Account)
            && (scope.From == null || p.PublishedAt >= scope.From) && (scope.To == null || p.PublishedAt < scope.To));
        // One pass: live posts are counted by filtered aggregates, removed ones beside them.
        var platforms = await recorded
            .GroupBy(p => p.Platform)
            .Select(g => new PlatformSummary(
                g.Key,
                g.Count(p => p.RemovedAt == null),
                g.Where(p => p.RemovedAt == null).Select(p => p.AssetId).Distinct().Count(),
                g.Where(p => p.RemovedAt == null).Select(p => p.Account).Distinct().Count(),
                g.Count(p => p.RemovedAt == null && p.IsRepurpose),
                g.Count(p => p.RemovedAt != null),
                g.Min(p => p.PublishedAt)!.Value,
                g.Max(p => p.PublishedAt)!.Value))
            .ToListAsync(cancellationToken);
        var numbers = PlatformNumbers.Of(posts.In(scope));
        return new PlatformComparison([.. platforms.Select(p => numbers.GetValueOrDefault(p.Platform) is { } n
            ? p with
            {
                ScoredPosts = n.ScoredPosts, MedianScore = n.MedianScore, MedianEngagementRate = n.MedianEngagementRate,
                EngagementRateDefinitions = [.. n.Definitions.Select(d => new RateDefinition(d.Definition, d.Posts))],
            }
            : p with { EngagementRateDefinitions = [] }).OrderByDescending(s => s.Publications).ThenBy(s => s.Platform, StringComparer.Ordinal)]);
    }
}
