using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.Analytics.Apis;

public static class TopApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapTopApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/analytics").WithTags("Analytics").MapGet("/top", GetTop);
        return app;
    }

    /// <summary>
    /// The best and the worst live posts in scope on a metric (the baseline score unless named); ties go to the earlier
    /// post, so the same data always lists the same way.
    /// </summary>
    public static async Task<Results<Ok<TopContent>, ValidationProblem>> GetTop([AsParameters] AnalysisQuery query, int? limit, WorkspaceId workspace,
        AnalyticsDb db, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (limit is < 1 or > MaxLimit)
            errors["limit"] = [$"limit is from 1 to {MaxLimit}."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var ranked = (await db.ReadAsync(scope!, metric, cancellationToken))
            .Select(p => new TopPost(p.Row.PublicationId, p.Row.AssetId, p.Row.Platform, p.Row.Account, p.Row.PublishedAt, p.Value, p.Row.Score,
                p.Row.EngagementRate, p.Row.Kind, p.Row.Format, p.Row.Topics))
            .ToList();
        var take = limit ?? DefaultLimit;
        return TypedResults.Ok(new TopContent(metric, ranked.Count,
            [.. ranked.OrderByDescending(p => p.Value).ThenBy(p => p.PublishedAt).ThenBy(p => p.PublicationId).Take(take)],
            [.. ranked.OrderBy(p => p.Value).ThenBy(p => p.PublishedAt).ThenBy(p => p.PublicationId).Take(take)]));
    }
}
