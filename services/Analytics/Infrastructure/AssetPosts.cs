using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>A live post of an asset with its latest numbers, if metrics-ingestion has resolved any.</summary>
public sealed record PostNumbers(Guid AssetId, Guid PublicationId, string Platform, string Account, DateTimeOffset PublishedAt, double? Score,
    double? EngagementRate, string? EngagementRateDefinition, IReadOnlyDictionary<string, double> Metrics);

public static class AssetPosts
{
    public const int MaxAssets = 500;

    private sealed record Stored(Guid AssetId, Guid PublicationId, string Platform, string Account, DateTimeOffset PublishedAt, double? Score,
        double? EngagementRate, string? EngagementRateDefinition, string? Metrics);

    /// <summary>The live posts of the workspace's assets among <paramref name="assetIds"/>, by asset and publication time.</summary>
    public static async Task<List<PostNumbers>> PerformanceAsync(this AnalyticsDb db, string workspace, Guid[] assetIds, CancellationToken cancellationToken)
    {
        var stored = await db.Database.SqlQuery<Stored>($"""
            SELECT p.asset_id AS "AssetId", p.publication_id AS "PublicationId", p.platform AS "Platform", p.account AS "Account",
                   p.published_at AS "PublishedAt", m.score AS "Score", m.engagement_rate AS "EngagementRate",
                   m.engagement_rate_definition AS "EngagementRateDefinition", m.metrics::text AS "Metrics"
            FROM publication_facts p
            LEFT JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
            WHERE p.workspace_id = {workspace} AND p.asset_id = ANY({assetIds}) AND p.published_at IS NOT NULL AND p.removed_at IS NULL
            ORDER BY p.asset_id, p.published_at, p.publication_id
            """).ToListAsync(cancellationToken);
        return [.. stored.Select(s => new PostNumbers(s.AssetId, s.PublicationId, s.Platform, s.Account, s.PublishedAt, s.Score, s.EngagementRate,
            s.EngagementRateDefinition, s.Metrics is null ? new Dictionary<string, double>() : JsonSerializer.Deserialize<Dictionary<string, double>>(s.Metrics)!))];
    }
}
