using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.BestTimes;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.Analytics.Apis;

public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Analytics");
        analytics.MapGet("/report", GetReport);
        analytics.MapGet("/report.html", GetReportPage);
        return app;
    }

    public static async Task<Results<Ok<AnalyticsReport>, ValidationProblem>> GetReport([AsParameters] AnalysisQuery query, WorkspaceId workspace,
        AnalyticsDb db, WorkspaceCache<WorkspacePosts> cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        return TypedResults.Ok(await BuildAsync(db, cache, scope!, metric, clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>
    /// The same report drawn for people: a page with the effects as forest plots and each platform's best times as an
    /// hour-of-week heatmap, in SVG the service writes (decision 0012). It runs no script and loads nothing.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem>> GetReportPage([AsParameters] AnalysisQuery query, WorkspaceId workspace,
        AnalyticsDb db, WorkspaceCache<WorkspacePosts> cache, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var report = await BuildAsync(db, cache, scope!, metric, clock.GetUtcNow(), cancellationToken);
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return TypedResults.Content(ReportPage.Render(report), "text/html; charset=utf-8");
    }

    /// <summary>
    /// The trends, each platform's best times, the top posts and the platforms' numbers, from the same copy of the posts; the
    /// platforms' counts (removed posts and repurposes among them) from PostgreSQL as it stands while the report is made.
    /// </summary>
    public static async Task<AnalyticsReport> BuildAsync(AnalyticsDb db, WorkspaceCache<WorkspacePosts> cache, AnalysisScope scope, string metric, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var posts = await cache.CopyAsync(scope.Workspace, cancellationToken);
        // PostgreSQL counts the platforms' publications while the statistics are computed here; both are awaited, failed or not.
        var platforms = PlatformsApi.CompareAsync(db, posts, scope, cancellationToken);
        var analysis = Task.Run(() =>
        {
            var top = new TopPosts(metric, TopApi.DefaultLimit);
            var history = new PostingHistory();
            foreach (var row in posts.In(scope))
            {
                top.Add(row);
                history.Add(row);
            }
            return (Trends: TrendsApi.Analyse(posts.Table(scope, metric), TrendsApi.DefaultMinPosts, cancellationToken),
                BestTimes: history.Platforms.Select(platform => BestTimesResponse.From(platform, scope.Account, history.Estimate(platform))).ToList(),
                Top: TopContent.From(top));
        }, cancellationToken);
        await Task.WhenAll(platforms, analysis);
        var (trends, bestTimes, top) = analysis.Result;
        return new AnalyticsReport(now, scope.Platform, scope.Account, scope.From, scope.To, trends, bestTimes, top, platforms.Result);
    }
}
