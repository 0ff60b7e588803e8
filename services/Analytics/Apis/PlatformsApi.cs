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

    public sealed record PlatformSummary(string Platform, int Publications, int Assets, int Accounts, int Repurposes,
        DateTimeOffset FirstPublishedAt, DateTimeOffset LastPublishedAt);

    public sealed record PlatformComparison(IReadOnlyList<PlatformSummary> Platforms);

    public static async Task<Ok<PlatformComparison>> GetPlatforms(WorkspaceId workspace, AnalyticsDb db, CancellationToken cancellationToken)
    {
        var platforms = await db.Publications.Where(p => p.WorkspaceId == workspace.Value)
            .GroupBy(p => p.Platform)
            .Select(g => new
            {
                Platform = g.Key,
                Publications = g.Count(),
                Assets = g.Select(p => p.AssetId).Distinct().Count(),
                Accounts = g.Select(p => p.Account).Distinct().Count(),
                Repurposes = g.Count(p => p.IsRepurpose),
                First = g.Min(p => p.PublishedAt),
                Last = g.Max(p => p.PublishedAt),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PlatformComparison(platforms
            .Select(p => new PlatformSummary(p.Platform, p.Publications, p.Assets, p.Accounts, p.Repurposes, p.First, p.Last))
            .OrderByDescending(s => s.Publications).ThenBy(s => s.Platform).ToList()));
    }
}
