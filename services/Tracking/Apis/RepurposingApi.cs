using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Apis;

/// <summary>The asset × platform gap: content that did well elsewhere and was never live on the target platform.</summary>
public static class RepurposingApi
{
    public static IEndpointRouteBuilder MapRepurposingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/repurposing/opportunities", GetOpportunities).WithTags("Repurposing");
        return app;
    }

    public sealed record Evidence(string PublicationId, string Platform, string Account, string? PostUrl, DateTimeOffset PublishedAt,
        double Score, double? EngagementRate, IReadOnlyDictionary<string, double> Metrics);

    public sealed record Opportunity(AssetResponse Asset, double BestScore, IReadOnlyList<Evidence> Evidence);

    public sealed record Opportunities(string TargetPlatform, double MinScore, IReadOnlyList<Opportunity> Items);

    /// <summary>
    /// Ranks assets by their best baseline-relative score (a percentile within their own platform, account and format)
    /// at or above <paramref name="minScore"/>, skipping archived assets and kinds the target platform cannot take.
    /// </summary>
    public static async Task<Results<Ok<Opportunities>, ValidationProblem>> GetOpportunities(
        WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken, string? targetPlatform = null, double minScore = 0.75, int limit = 50)
    {
        var errors = new Dictionary<string, string[]>();
        var target = Platforms.Normalize(targetPlatform);
        if (target is null)
            errors["targetPlatform"] = ["targetPlatform " + Platforms.MustBeOneOf];
        if (minScore is < 0 or > 1)
            errors["minScore"] = ["minScore is a percentile between 0 and 1."];
        if (limit is < 1 or > Pagination.MaxLimit)
            errors["limit"] = [$"limit must be between 1 and {Pagination.MaxLimit}."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);

        var accepted = PlatformFormats.AcceptedBy(target!).ToList();
        var ranked = await db.Performance.AsNoTracking()
            .Where(pp => pp.WorkspaceId == workspace.Value && pp.Score >= minScore)
            .Join(db.Publications, pp => pp.PublicationId, p => p.Id, (pp, p) => new { p.AssetId, Score = pp.Score!.Value })
            .GroupBy(x => x.AssetId)
            .Select(g => new { AssetId = g.Key, Best = g.Max(x => x.Score) })
            .Join(db.Assets, g => g.AssetId, a => a.Id, (g, a) => new { g.AssetId, g.Best, Asset = a })
            .Where(x => x.Asset.Status != AssetStatus.Archived && accepted.Contains(x.Asset.Kind)
                && !db.Publications.Any(p => p.AssetId == x.AssetId && p.Platform == target && p.Status == PublicationStatus.Live))
            .OrderByDescending(x => x.Best).ThenBy(x => x.AssetId)
            .Select(x => new { x.AssetId, x.Best })
            .Take(limit)
            .ToListAsync(cancellationToken);

        var assets = await db.LoadInOrderAsync(ranked.Select(r => r.AssetId).ToList(), cancellationToken);
        var publicationIds = assets.SelectMany(a => a.Publications).Select(p => p.Id).ToList();
        var performance = await db.Performance.AsNoTracking().Where(pp => publicationIds.Contains(pp.PublicationId))
            .ToDictionaryAsync(pp => pp.PublicationId, cancellationToken);
        var zones = await db.AccountTimeZonesAsync(workspace.Value, cancellationToken);
        var items = assets.Zip(ranked, (asset, rank) => new Opportunity(AssetResponse.From(asset, zones), rank.Best,
            asset.Publications.Where(p => performance.TryGetValue(p.Id, out var pp) && pp.Score is not null)
                .Select(p => (Publication: p, Performance: performance[p.Id]))
                .OrderByDescending(e => e.Performance.Score)
                .Select(e => new Evidence(e.Publication.Id.ToString(), e.Publication.Platform, e.Publication.Account, e.Publication.PostUrl,
                    e.Publication.PublishedAt, e.Performance.Score!.Value, e.Performance.EngagementRate, e.Performance.Metrics))
                .ToList())).ToList();
        return TypedResults.Ok(new Opportunities(target!, minScore, items));
    }
}
