using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.Trends;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
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
        "over every tested value. Values found on fewer than minPosts assets, or missing from fewer than minPosts, are not tested " +
        "(one asset posted on several accounts is one piece of evidence). The test takes each post as independent, so for assets " +
        "posted several times its p-values run small; the model below clusters by asset and is the one to trust.";

    public const string ModelMethod =
        "Ordinary least squares of the metric on a fixed effect per account (which holds its platform too; absorbed, so only the " +
        "attribute terms are listed) and an indicator per tested attribute value (terms the accounts and earlier terms already " +
        "determine are dropped and named); standard errors clustered by asset with the factor G/(G-1)·(N-1)/(N-K), K counting " +
        "the accounts, t with G-1 degrees of freedom; q-values by Benjamini–Hochberg over the attribute terms.";

    public static async Task<Results<Ok<TrendsResponse>, ValidationProblem>> GetTrends([AsParameters] AnalysisQuery query, int? minPosts,
        WorkspaceId workspace, WorkspaceCache<WorkspacePosts> cache, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (minPosts is < 2 or > 10_000)
            errors["minPosts"] = ["minPosts is from 2 to 10000."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        return TypedResults.Ok(Analyse((await cache.CopyAsync(workspace.Value, cancellationToken)).Table(scope!, metric), minPosts ?? DefaultMinPosts, cancellationToken));
    }

    /// <summary>Each tested value's effect alone and then with everything else held equal: the tested values by q-value, then the others.</summary>
    public static TrendsResponse Analyse(AnalysisTable table, int minPosts, CancellationToken cancellationToken)
    {
        var effects = TrendAnalysis.Analyse(table, minPosts);
        var model = AttributeModel.Fit(table, effects.Where(e => e.Q is not null).Select(e => (e.Attribute, e.Value)), cancellationToken);
        return new TrendsResponse(table.Metric, table.Count, minPosts, Method,
            [.. effects.Where(e => e.Q is not null).OrderBy(e => e.Q).ThenBy(e => e.P), .. effects.Where(e => e.Q is null)],
            new ModelResponse(ModelMethod, model));
    }

    /// <summary>
    /// Every row the trends of the same query read, as CSV, so anyone can run them again elsewhere: with the ranges the
    /// analysis grouped durations, caption lengths and hashtag counts into.
    /// </summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> GetDataset([AsParameters] AnalysisQuery query, WorkspaceId workspace,
        WorkspaceCache<WorkspacePosts> cache, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate(workspace.Value);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        // Read before the status goes out: a read that fails is an error, not a 200 with half a file.
        var posts = await cache.CopyAsync(workspace.Value, cancellationToken);
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16);
            await writer.WriteLineAsync(Dataset.Header);
            foreach (var row in posts.In(scope!))
                if (row.ValueOf(metric) is not null)
                    await writer.WriteLineAsync(Dataset.Line(row));
        }, "text/csv; charset=utf-8", "dataset.csv");
    }
}
