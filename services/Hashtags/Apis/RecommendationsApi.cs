using CreatorMeta.Hashtags.Domain.Performance;
using CreatorMeta.Hashtags.Domain.Recommendations;
using CreatorMeta.Hashtags.Domain.Trends;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CreatorMeta.Hashtags.Apis;

public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/hashtags").WithTags("Hashtags").MapPost("/recommendations", Recommend);
        return app;
    }

    public const string Method =
        "Always-include first, on top of count; then proven (effect with account, format and time of day held equal, 95 % interval above zero, " +
        "q ≤ 5 % over this platform's tags, recency counted from this platform's newest post — the performance route with platform= gives the same), " +
        "trending (yours as of the hour, " +
        "rising, then outside sources' rising signals, named as theirs) and niche (this content's topics and caption keywords you have used on " +
        "fewer than 5 posts) taken in turn. Never a banned tag or one already in the caption; at most count, the platform's maximum, and what " +
        "fits the platform's caption limit with the tags written in.";

    public static async Task<Results<Ok<RecommendationsResponse>, ValidationProblem, ProblemHttpResult>> Recommend(RecommendationRequest request,
        WorkspaceId workspace, HashtagsDb db, WorkspaceCache<TagEvidence> cache, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var conventions);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var topics = (request.Topics ?? []).OfType<string>().ToList();
        if (request.AssetId is { } assetId)
        {
            var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.AssetId == assetId && a.WorkspaceId == workspace.Value, cancellationToken);
            if (asset is null)
                return ApiProblems.NotFound("Asset", assetId.ToString());
            topics.AddRange(asset.Topics);
        }
        var now = clock.GetUtcNow();
        var evidence = await TagEvidence.CurrentAsync(cache, dataSource, workspace.Value, cancellationToken);
        var outside = await dataSource.LatestAsync(workspace.Value, conventions!.Platform, now, 200, cancellationToken);
        var platform = PerformanceScope.On(conventions.Platform);
        var (tags, omitted) = Recommender.Recommend(new RecommendationInput(conventions, request.Caption, topics.Distinct().ToList(),
            request.Count ?? conventions.RecommendedTags, evidence.Taxonomy,
            evidence.Performance(platform, TagEvidence.Score, PerformanceQuery.DefaultMinUses, PerformanceQuery.DefaultHalfLifeDays),
            evidence.HourlyTrends(conventions.Platform, now, TrendingQuery.DefaultWindowDays),
            [.. outside.Select(o => (o.Tag, o.Source, o.Score, o.PreviousScore))]));
        return TypedResults.Ok(new RecommendationsResponse(conventions.Platform, conventions.MaxTags, conventions.TextLimit, tags, omitted, Method));
    }
}
