using System.Globalization;
using CreatorMeta.Hashtags.Domain.Performance;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Text;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CreatorMeta.Hashtags.Apis;

public static class PerformanceApi
{
    public static IEndpointRouteBuilder MapPerformanceApi(this IEndpointRouteBuilder app)
    {
        var hashtags = app.MapGroup("/api/v1/hashtags").WithTags("Hashtags");
        hashtags.MapGet("/performance", GetPerformance);
        hashtags.MapGet("/dataset.csv", GetDataset);
        return app;
    }

    public const string Method =
        "Per canonical tag (aliases and variants counted as it) and platform, over the live posts with the metric, each weighing half as much " +
        "every halfLifeDays before the newest. lift: weighted least squares of the metric on the tag with a fixed effect per account — the " +
        "tag's posts against the same account's posts without it. effect: the same with a fixed effect per account, format and time of day " +
        "(night, morning, afternoon, evening in the account's zone), so format and timing are held equal. Standard errors clustered by asset, " +
        "factor G/(G-1)·(N-1)/(N-K), t with G-1 degrees of freedom; q by Benjamini–Hochberg over every tag and platform tested. Tags with fewer " +
        "than minUses posts are listed as not enough data, not ranked.";

    public static async Task<Results<Ok<PerformanceResponse>, ValidationProblem>> GetPerformance([AsParameters] PerformanceQuery query,
        [AsParameters] PerformancePage page, WorkspaceId workspace, WorkspaceCache<TagEvidence> cache, NpgsqlDataSource dataSource,
        CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate();
        foreach (var (field, messages) in page.Validate())
            errors[field] = messages;
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var evidence = await TagEvidence.CurrentAsync(cache, dataSource, workspace.Value, cancellationToken);
        var (minUses, halfLife) = (query.MinUses ?? PerformanceQuery.DefaultMinUses, query.HalfLifeDays ?? PerformanceQuery.DefaultHalfLifeDays);
        var taxonomy = evidence.Taxonomy;
        var (all, offset) = (evidence.Performance(scope!, metric, minUses, halfLife), page.Offset ?? 0);
        var tags = all.Skip(offset).Take(page.Limit ?? PerformancePage.DefaultLimit).Select(t => new TagPerformanceResponse(t.Tag, t.Platform,
            taxonomy.WrittenOn(t.Tag, t.Platform), taxonomy.CategoryOf(t.Tag), t.Uses, t.MeanValue, t.Lift, t.Effect, t.Q, t.NotEnoughData));
        return TypedResults.Ok(new PerformanceResponse(metric, evidence.Count(scope!, metric), minUses, halfLife, Method, all.Count, offset, [.. tags]));
    }

    /// <summary>Every row the performance of the same query reads, with its weight and groups, so anyone can run it again elsewhere.</summary>
    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> GetDataset([AsParameters] PerformanceQuery query, WorkspaceId workspace,
        WorkspaceCache<TagEvidence> cache, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (scope, metric, errors) = query.Validate();
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var rows = (await TagEvidence.CurrentAsync(cache, dataSource, workspace.Value, cancellationToken)).Rows(scope!, metric);
        var halfLife = query.HalfLifeDays ?? PerformanceQuery.DefaultHalfLifeDays;
        var newest = TagAnalysis.Newest(rows);
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            await writer.WriteLineAsync("publication_id,asset_id,platform,account,published_at,time_zone,format,daypart,value,weight,tags");
            foreach (var r in rows)
                await writer.WriteLineAsync(CsvFields.Row([r.PublicationId.ToString(), r.AssetId.ToString(), r.Platform, r.Account,
                    r.PublishedAt.ToString("O", CultureInfo.InvariantCulture), r.TimeZone ?? "", r.Format, r.Daypart, r.Value.ToString("R", CultureInfo.InvariantCulture),
                    TagAnalysis.Weight(r.PublishedAt, newest, halfLife).ToString("R", CultureInfo.InvariantCulture), string.Join('|', r.Tags)]));
        }, "text/csv; charset=utf-8", "hashtags-dataset.csv");
    }
}
