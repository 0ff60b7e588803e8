using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
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

    /// <summary>The best and the worst live posts in scope on a metric (the baseline score unless named).</summary>
    public static async Task<Results<Ok<TopContent>, ValidationProblem>> GetTop([AsParameters] AnalysisQuery query, int? limit, WorkspaceId workspace,
        WorkspaceCache<WorkspacePosts> cache, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (limit is < 1 or > MaxLimit)
            errors["limit"] = [$"limit is from 1 to {MaxLimit}."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var top = new TopPosts(metric, limit ?? DefaultLimit);
        foreach (var row in (await cache.CopyAsync(workspace.Value, cancellationToken)).In(scope!))
            top.Add(row);
        return TypedResults.Ok(TopContent.From(top));
    }
}
