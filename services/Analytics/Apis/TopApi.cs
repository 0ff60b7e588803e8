using CreatorMeta.Analytics.Domain;
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

    private static readonly Comparer<TopPost> Highest = Comparer<TopPost>.Create((a, b) => b.Value.CompareTo(a.Value) is var c and not 0 ? c : Tie(a, b));
    private static readonly Comparer<TopPost> Lowest = Comparer<TopPost>.Create((a, b) => a.Value.CompareTo(b.Value) is var c and not 0 ? c : Tie(a, b));

    private static int Tie(TopPost a, TopPost b) =>
        a.PublishedAt.CompareTo(b.PublishedAt) is var c and not 0 ? c : a.PublicationId.CompareTo(b.PublicationId);

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
        var (value, take) = (AnalysisRow.Metrics[metric], limit ?? DefaultLimit);
        var (posts, top, bottom) = (0, new Leaders<TopPost>(take, Highest), new Leaders<TopPost>(take, Lowest));
        await foreach (var row in db.StreamAsync(scope!, cancellationToken))
            if (value(row) is { } v)
            {
                var post = new TopPost(row.PublicationId, row.AssetId, row.Platform, row.Account, row.PublishedAt, v, row.Score, row.EngagementRate, row.Kind,
                    row.Format, row.Topics);
                posts++;
                top.Offer(post);
                bottom.Offer(post);
            }
        return TypedResults.Ok(new TopContent(metric, posts, top.Ranked, bottom.Ranked));
    }
}
