using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Apis;

public static class PlatformsApi
{
    public static IEndpointRouteBuilder MapPlatformsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/analytics").WithTags("Analytics")
            .MapGet("/platforms", GetPlatforms);
        return app;
    }

    /// <summary>
    /// Publications, assets, accounts and repurposes count live posts; <c>Removed</c> counts posts taken down. First and
    /// last publication dates span both: a removed post was still published then. The numbers compare platforms fairly:
    /// the median baseline score (each post against the creator's own posts on its platform, so 0.5 is par everywhere)
    /// and the median engagement rate with the definitions it was computed by (a rate by views and one by reach are not
    /// the same number, so each platform says which it used, and for how many posts).
    /// </summary>
    public sealed record PlatformSummary(string Platform, int Publications, int Assets, int Accounts, int Repurposes, int Removed,
        DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt, int ScoredPosts = 0, double? MedianScore = null,
        double? MedianEngagementRate = null, IReadOnlyList<RateDefinition>? EngagementRateDefinitions = null);

    public sealed record RateDefinition(string Definition, int Posts);

    public sealed record PlatformComparison(IReadOnlyList<PlatformSummary> Platforms);

    public static async Task<Ok<PlatformComparison>> GetPlatforms(WorkspaceId workspace, AnalyticsDb db, CancellationToken cancellationToken)
    {
        // A fact only an edit or removal has reached yet waits for its recording, which tracking's outbox always sends.
        var recorded = db.Publications.Where(p => p.WorkspaceId == workspace.Value && p.PublishedAt != null);
        // One pass: live posts are counted by filtered aggregates, removed ones beside them.
        var platforms = await recorded
            .GroupBy(p => p.Platform)
            .Select(g => new PlatformSummary(
                g.Key,
                g.Count(p => p.RemovedAt == null),
                g.Where(p => p.RemovedAt == null).Select(p => p.AssetId).Distinct().Count(),
                g.Where(p => p.RemovedAt == null).Select(p => p.Account).Distinct().Count(),
                g.Count(p => p.RemovedAt == null && p.IsRepurpose),
                g.Count(p => p.RemovedAt != null),
                g.Min(p => p.PublishedAt)!.Value,
                g.Max(p => p.PublishedAt)!.Value))
            .ToListAsync(cancellationToken);
        var numbers = await db.PlatformNumbersAsync(workspace.Value, cancellationToken);
        return TypedResults.Ok(new PlatformComparison([.. platforms.Select(p => numbers.GetValueOrDefault(p.Platform) is { } n
            ? p with
            {
                ScoredPosts = n.ScoredPosts, MedianScore = n.MedianScore, MedianEngagementRate = n.MedianEngagementRate,
                EngagementRateDefinitions = [.. n.Definitions.Select(d => new RateDefinition(d.Definition, d.Posts))],
            }
            : p with { EngagementRateDefinitions = [] }).OrderByDescending(s => s.Publications).ThenBy(s => s.Platform, StringComparer.Ordinal)]));
    }
}
