using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Tracking;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// Tracking's facts as metrics need them: which post is which publication of which asset, in which format, since when.
/// Events come in any order, so each writes only what it knows; every write is scoped to the event's workspace. A post
/// whose facts change is resolved again: it may now have an age, a format, a baseline.
/// </summary>
public static class TrackingProjection
{
    /// <summary>
    /// The publication a post (aliased <c>p</c>) is: the live one first, then the first published, should tracking ever
    /// hold two for one platform post.
    /// </summary>
    public const string PublicationOfPost = """
        SELECT * FROM publications WHERE workspace_id = p.workspace_id AND platform = p.platform AND external_post_id = p.external_post_id
        ORDER BY removed_at IS NOT NULL, published_at NULLS LAST, publication_id LIMIT 1
        """;

    public static async Task RecordAsync(MetricsDb db, PublicationRecorded recorded, CancellationToken cancellationToken)
    {
        var platform = Platforms.Normalize(recorded.Platform) ?? recorded.Platform;
        var account = AccountHandles.Normalize(recorded.Account) ?? recorded.Account;
        var externalPostId = string.IsNullOrWhiteSpace(recorded.ExternalPostId) ? null : recorded.ExternalPostId.Trim();
        await db.ExecuteAsync("""
            INSERT INTO publications (publication_id, workspace_id, asset_id, platform, account, external_post_id, published_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (publication_id) DO UPDATE SET asset_id = EXCLUDED.asset_id, platform = EXCLUDED.platform, account = EXCLUDED.account,
                external_post_id = EXCLUDED.external_post_id, published_at = EXCLUDED.published_at
            WHERE publications.workspace_id = EXCLUDED.workspace_id
            """, cancellationToken, recorded.PublicationId, recorded.WorkspaceId, recorded.AssetId, platform, account,
            SqlParameters.Text(externalPostId), recorded.PublishedAt.ToUniversalTime());
        if (externalPostId is not null)
            await db.ExecuteAsync($"""
                WITH known AS (
                    -- Nothing on a known post: resolution takes the account from the publication, and an update would
                    -- wait for a batch that holds the post.
                    INSERT INTO posts (workspace_id, platform, external_post_id, account) VALUES ($1, $2, $3, $4)
                    ON CONFLICT (workspace_id, platform, external_post_id) DO NOTHING)
                {ResolutionQueue.Mark("VALUES ($1, $2, $3)")}
                """, cancellationToken, recorded.WorkspaceId, platform, externalPostId, account);
    }

    /// <summary>A post taken down is resolved again, so it leaves its baseline (see RecordAsync when the removal comes first).</summary>
    public static Task RemoveAsync(MetricsDb db, PublicationRemoved removed, CancellationToken cancellationToken) => db.ExecuteAsync($"""
        WITH removed AS (
            INSERT INTO publications (publication_id, workspace_id, asset_id, platform, account, removed_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (publication_id) DO UPDATE SET removed_at = EXCLUDED.removed_at WHERE publications.workspace_id = EXCLUDED.workspace_id
            RETURNING workspace_id, platform, external_post_id)
        {ResolutionQueue.Mark("SELECT * FROM removed WHERE external_post_id IS NOT NULL")}
        """, cancellationToken, removed.PublicationId, removed.WorkspaceId, removed.AssetId, Platforms.Normalize(removed.Platform) ?? removed.Platform,
        AccountHandles.Normalize(removed.Account) ?? removed.Account, removed.RemovedAt.ToUniversalTime());

    /// <summary>
    /// The newest word on an asset's format and kind wins, whichever of registered and updated arrives first. Baselines
    /// group posts by format, and by kind where the asset has no format.
    /// </summary>
    public static async Task DescribeAssetAsync(MetricsDb db, string workspace, Guid assetId, string? format, string kind, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        var newer = await db.ExecuteAsync("""
            INSERT INTO assets (asset_id, workspace_id, format, kind, as_of) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (asset_id) DO UPDATE SET format = EXCLUDED.format, kind = EXCLUDED.kind, as_of = EXCLUDED.as_of
            WHERE assets.workspace_id = EXCLUDED.workspace_id AND assets.as_of < EXCLUDED.as_of
            """, cancellationToken, assetId, workspace, SqlParameters.Text(string.IsNullOrWhiteSpace(format) ? null : format), kind, asOf.ToUniversalTime());
        if (newer > 0)
            await db.ExecuteAsync(ResolutionQueue.Mark("""
                SELECT workspace_id, platform, external_post_id FROM publications
                WHERE workspace_id = $1 AND asset_id = $2 AND external_post_id IS NOT NULL
                """), cancellationToken, workspace, assetId);
    }
}
