using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.Trends;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.Analytics.Apis;

public static class TrendsApi
{
    public const int DefaultMinPosts = 10;

    public static IEndpointRouteBuilder MapTrendsApi(this IEndpointRouteBuilder app)
    {
        var analytics = app.MapGroup("/api/v1/analytics").WithTags("Analytics");
        analytics.MapGet("/trends", GetTrends);
        analytics.MapGet("/dataset.csv", GetDataset);
        return app;
    }

    public const string Method =
        "Each attribute value's posts against all other posts in scope: lift = difference of means, 95 % interval and two-sided " +
        "p-value by Welch's t-test (unequal variances, Welch–Satterthwaite degrees of freedom), q-value by Benjamini–Hochberg " +
        "over every tested value. Values held by fewer than minPosts posts, or lacking by fewer than minPosts, are not tested.";

    public const string ModelMethod =
        "Ordinary least squares of the metric on an intercept, platform and account fixed effects, and an indicator per tested " +
        "attribute value (terms the earlier ones already determine are dropped and named); standard errors clustered by asset " +
        "with the factor G/(G-1)·(N-1)/(N-K), t with G-1 degrees of freedom; q-values by Benjamini–Hochberg over the attribute terms.";

    public static async Task<Results<Ok<TrendsResponse>, ValidationProblem>> GetTrends([AsParameters] AnalysisQuery query, int? minPosts,
        WorkspaceId workspace, AnalyticsDb db, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (minPosts is < 2 or > 10_000)
            errors["minPosts"] = ["minPosts is from 2 to 10000."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var posts = await db.ReadAsync(scope!, metric, cancellationToken);
        var effects = TrendAnalysis.Analyse(posts, minPosts ?? DefaultMinPosts);
        var model = AttributeModel.Fit(posts, effects.Where(e => e.Q is not null).Select(e => (e.Attribute, e.Value)), cancellationToken);
        return TypedResults.Ok(new TrendsResponse(metric, posts.Count, minPosts ?? DefaultMinPosts, Method,
            [.. effects.Where(e => e.Q is not null).OrderBy(e => e.Q).ThenBy(e => e.P), .. effects.Where(e => e.Q is null)],
            new ModelResponse(ModelMethod, model)));
    }

    /// <summary>
    /// Every row the trends of the same query read, as CSV, so anyone can run them again elsewhere: with the ranges the
    /// analysis grouped durations, caption lengths and hashtag counts into.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetDataset([AsParameters] AnalysisQuery query, WorkspaceId workspace,
        AnalyticsDb db, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var posts = await db.ReadAsync(scope!, metric, cancellationToken);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Dataset.Csv([.. posts.Select(p => p.Row)])), "text/csv; charset=utf-8", "dataset.csv");
    }
}
