using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.Analytics.Apis;

public static class BestTimesApi
{
    public const string Method =
        "Empirical Bayes per hour of the week: each hour's mean baseline score is shrunk toward the research's expectation for " +
        "the platform by the ratio of between-hour variance (τ²) to sampling variance (σ²/n); 95 % intervals from the posterior.";

    public static IEndpointRouteBuilder MapBestTimesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/analytics").WithTags("Analytics").MapGet("/best-times", GetBestTimes);
        return app;
    }

    public static async Task<Results<Ok<BestTimesResponse>, ValidationProblem>> GetBestTimes(string? platform, string? account, DateTimeOffset? from,
        DateTimeOffset? to, WorkspaceId workspace, WorkspaceCache<WorkspacePosts> cache, CancellationToken cancellationToken)
    {
        var (scope, _, errors) = new AnalysisQuery(platform, account, from, to, null).Validate(workspace.Value);
        if (platform is null)
            errors["platform"] = ["platform is required: the research's good hours differ by platform."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var estimate = (await cache.CopyAsync(workspace.Value, cancellationToken)).BestTimes(scope!);
        return TypedResults.Ok(BestTimesResponse.From(scope!.Platform!, scope.Account, estimate));
    }
}
