using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
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
        WorkspaceId workspace, AnalyticsDb db, WorkspaceCache<WorkspacePosts> cache, CancellationToken cancellationToken)
    {
        var (scope, _, errors) = new AnalysisQuery(null, null, from, to, null).Validate(workspace.Value);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        return TypedResults.Ok(await CompareAsync(db, await cache.CopyAsync(workspace.Value, cancellationToken), scope!, cancellationToken));
    }

    private sealed record StoredCounts(string Platform, int Publications, int Assets, int Accounts, int Repurposes, int Removed,
        DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt);

    /// <summary>The platforms in scope (its platform and account, published in its [from, to)); the numbers from <paramref name="posts"/>.</summary>
    public static async Task<PlatformComparison> CompareAsync(AnalyticsDb db, WorkspacePosts posts, AnalysisScope scope, CancellationToken cancellationToken)
    {
        // A fact only an edit or removal has reached yet waits for its recording, which tracking's outbox always sends.
        // One pass: live posts are counted by filtered aggregates, removed ones beside them.
        var platforms = (await db.Database.SqlQuery<StoredCounts>($"""
            SELECT platform AS "Platform", (count(*) FILTER (WHERE removed_at IS NULL))::int AS "Publications",
                   (count(DISTINCT asset_id) FILTER (WHERE removed_at IS NULL))::int AS "Assets",
                   (count(DISTINCT account) FILTER (WHERE removed_at IS NULL))::int AS "Accounts",
                   (count(*) FILTER (WHERE removed_at IS NULL AND is_repurpose))::int AS "Repurposes",
                   (count(*) FILTER (WHERE removed_at IS NOT NULL))::int AS "Removed",
                   min(published_at) AS "FirstPublishedAt", max(published_at) AS "LastPublishedAt"
            FROM publication_facts
            WHERE workspace_id = {scope.Workspace} AND published_at IS NOT NULL
              AND ({scope.Platform}::text IS NULL OR platform = {scope.Platform}) AND ({scope.Account}::text IS NULL OR account = {scope.Account})
              AND ({scope.From}::timestamptz IS NULL OR published_at >= {scope.From}) AND ({scope.To}::timestamptz IS NULL OR published_at < {scope.To})
            GROUP BY platform
            """).ToListAsync(cancellationToken))
            .Select(c => new PlatformSummary(c.Platform, c.Publications, c.Assets, c.Accounts, c.Repurposes, c.Removed, c.FirstPublishedAt, c.LastPublishedAt));
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
