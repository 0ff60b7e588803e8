using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.BestTimes;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>Which publications an analysis covers: a workspace's, optionally one platform's or account's, published in [from, to).</summary>
public sealed record AnalysisScope(string Workspace, string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To);

public static class AnalysisRows
{
    /// <summary>The posts in scope that have <paramref name="metric"/> (a key of <see cref="AnalysisRow.Metrics"/>), as a table for the statistics.</summary>
    public static async Task<AnalysisTable> ReadTableAsync(this AnalyticsDb db, AnalysisScope scope, string metric, CancellationToken cancellationToken)
    {
        var table = new AnalysisTable(metric);
        await foreach (var row in db.StreamAsync(scope, cancellationToken))
            table.Add(row);
        return table;
    }

    /// <summary>The hours of the week on the scope's platform (which it must name), from the scored posts in scope.</summary>
    public static async Task<BestTimeEstimate> BestTimesAsync(this AnalyticsDb db, AnalysisScope scope, CancellationToken cancellationToken)
    {
        var platform = scope.Platform ?? throw new ArgumentException("Best times are per platform.", nameof(scope));
        var history = new PostingHistory();
        await foreach (var row in db.StreamAsync(scope, cancellationToken))
            history.Add(row);
        return history.Estimate(platform);
    }

    private sealed record Stored(Guid PublicationId, Guid AssetId, string Platform, string Account, DateTimeOffset PublishedAt, string? TimeZone,
        string Kind, string? Format, double? DurationSeconds, string? Language, int CaptionLength, int HashtagCount, string[] Topics,
        string[] VisualElements, double? Score, double? EngagementRate, string? EngagementRateDefinition);

    /// <summary>
    /// The live publications in scope that have numbers, in publication order, with their asset's attributes, read as
    /// they arrive so a large library is never held as rows. A post is left out until metrics-ingestion has resolved it,
    /// and a removed post leaves the analysis (analytics counts it apart).
    /// </summary>
    public static async IAsyncEnumerable<AnalysisRow> StreamAsync(this AnalyticsDb db, AnalysisScope scope,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stored = db.Database.SqlQuery<Stored>($"""
            SELECT p.publication_id AS "PublicationId", p.asset_id AS "AssetId", p.platform AS "Platform", p.account AS "Account",
                   p.published_at AS "PublishedAt", z.time_zone AS "TimeZone", coalesce(a.kind, 'unknown') AS "Kind", a.format AS "Format",
                   a.duration_seconds AS "DurationSeconds", a.language AS "Language", p.caption_length AS "CaptionLength",
                   p.hashtag_count AS "HashtagCount", coalesce(a.topics, ARRAY[]::text[]) AS "Topics", coalesce(a.visual_elements, ARRAY[]::text[]) AS "VisualElements",
                   m.score AS "Score", m.engagement_rate AS "EngagementRate", m.engagement_rate_definition AS "EngagementRateDefinition"
            FROM publication_facts p
            JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
            LEFT JOIN asset_facts a ON a.asset_id = p.asset_id AND a.workspace_id = p.workspace_id
            LEFT JOIN account_zones z ON z.workspace_id = p.workspace_id AND z.platform = p.platform AND z.account = p.account
            WHERE p.workspace_id = {scope.Workspace} AND p.published_at IS NOT NULL AND p.removed_at IS NULL
              AND ({scope.Platform}::text IS NULL OR p.platform = {scope.Platform})
              AND ({scope.Account}::text IS NULL OR p.account = {scope.Account})
              AND ({scope.From}::timestamptz IS NULL OR p.published_at >= {scope.From})
              AND ({scope.To}::timestamptz IS NULL OR p.published_at < {scope.To})
            ORDER BY p.published_at, p.publication_id
            """).AsAsyncEnumerable().WithCancellation(cancellationToken);
        await foreach (var s in stored)
        {
            var (zone, weekday, hour) = AnalysisRow.LocalTime(s.PublishedAt, s.TimeZone);
            yield return new AnalysisRow(s.PublicationId, s.AssetId, s.Platform, s.Account, s.PublishedAt, zone, weekday, hour, s.Kind, s.Format,
                s.DurationSeconds, s.Language, s.CaptionLength, s.HashtagCount, s.Topics, s.VisualElements, s.Score, s.EngagementRate,
                s.EngagementRateDefinition);
        }
    }

    private sealed record StoredMedians(string Platform, int ScoredPosts, double? MedianScore, double? MedianEngagementRate);

    private sealed record StoredDefinition(string Platform, string Definition, int Posts);

    /// <summary>
    /// Per platform, over the same live posts with numbers (published in the scope's [from, to)) as <see cref="StreamAsync"/>:
    /// how many are scored, the median score and engagement rate, and the rate definitions by how many posts use each —
    /// computed by PostgreSQL, so a large library is not read to be summarized.
    /// </summary>
    public static async Task<Dictionary<string, PlatformNumbers>> PlatformNumbersAsync(this AnalyticsDb db, AnalysisScope scope,
        CancellationToken cancellationToken)
    {
        var medians = await db.Database.SqlQuery<StoredMedians>($"""
            SELECT p.platform AS "Platform", count(m.score)::int AS "ScoredPosts",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY m.score) AS "MedianScore",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY m.engagement_rate) AS "MedianEngagementRate"
            FROM publication_facts p
            JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
            WHERE p.workspace_id = {scope.Workspace} AND p.published_at IS NOT NULL AND p.removed_at IS NULL
              AND ({scope.From}::timestamptz IS NULL OR p.published_at >= {scope.From})
              AND ({scope.To}::timestamptz IS NULL OR p.published_at < {scope.To})
            GROUP BY p.platform
            """).ToListAsync(cancellationToken);
        var definitions = (await db.Database.SqlQuery<StoredDefinition>($"""
            SELECT p.platform AS "Platform", coalesce(m.engagement_rate_definition, 'unnamed') AS "Definition", count(*)::int AS "Posts"
            FROM publication_facts p
            JOIN metric_facts m ON m.workspace_id = p.workspace_id AND m.platform = p.platform AND m.external_post_id = p.external_post_id
            WHERE p.workspace_id = {scope.Workspace} AND p.published_at IS NOT NULL AND p.removed_at IS NULL AND m.engagement_rate IS NOT NULL
              AND ({scope.From}::timestamptz IS NULL OR p.published_at >= {scope.From})
              AND ({scope.To}::timestamptz IS NULL OR p.published_at < {scope.To})
            GROUP BY 1, 2
            """).ToListAsync(cancellationToken)).ToLookup(d => d.Platform);
        return medians.ToDictionary(m => m.Platform, m => new PlatformNumbers(m.ScoredPosts, m.MedianScore, m.MedianEngagementRate,
            [.. definitions[m.Platform].OrderByDescending(d => d.Posts).ThenBy(d => d.Definition, StringComparer.Ordinal).Select(d => (d.Definition, d.Posts))]));
    }
}

/// <summary>A platform's comparable numbers: scored posts, median score and engagement rate, and the rate definitions used.</summary>
public sealed record PlatformNumbers(int ScoredPosts, double? MedianScore, double? MedianEngagementRate,
    IReadOnlyList<(string Definition, int Posts)> Definitions);
