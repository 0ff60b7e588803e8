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
    /// last publication dates span both: a removed post was still published then.
    /// </summary>
    public sealed record PlatformSummary(string Platform, int Publications, int Assets, int Accounts, int Repurposes, int Removed,
        DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt);

    public sealed record PlatformComparison(IReadOnlyList<PlatformSummary> Platforms);

    public static async Task<Ok<PlatformComparison>> GetPlatforms(WorkspaceId workspace, AnalyticsDb db, CancellationToken cancellationToken)
    {
        // A fact only an edit or removal has reached yet waits for its recording, which tracking's outbox always sends.
        var recorded = db.Publications.Where(p => p.WorkspaceId == workspace.Value && p.PublishedAt != null);
        var live = await recorded.Where(p => p.RemovedAt == null)
            .GroupBy(p => p.Platform)
            .Select(g => new
            {
                Platform = g.Key,
                Publications = g.Count(),
                Assets = g.Select(p => p.AssetId).Distinct().Count(),
                Accounts = g.Select(p => p.Account).Distinct().Count(),
                Repurposes = g.Count(p => p.IsRepurpose),
            })
            .ToDictionaryAsync(p => p.Platform, cancellationToken);
        var all = await recorded
            .GroupBy(p => p.Platform)
            .Select(g => new
            {
                Platform = g.Key,
                Removed = g.Count(p => p.RemovedAt != null),
                First = g.Min(p => p.PublishedAt),
                Last = g.Max(p => p.PublishedAt),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PlatformComparison(all
            .Select(p => live.GetValueOrDefault(p.Platform) is { } l
                ? new PlatformSummary(p.Platform, l.Publications, l.Assets, l.Accounts, l.Repurposes, p.Removed, p.First!.Value, p.Last!.Value)
                : new PlatformSummary(p.Platform, 0, 0, 0, 0, p.Removed, p.First!.Value, p.Last!.Value))
            .OrderByDescending(s => s.Publications).ThenBy(s => s.Platform).ToList()));
    }
}
