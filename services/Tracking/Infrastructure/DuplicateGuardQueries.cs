using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.Tracking.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CreatorMeta.Tracking.Infrastructure;

public static class DuplicateGuardQueries
{
    /// <summary>
    /// Serializes every publication decision for one platform account until the transaction ends, so two
    /// simultaneous requests cannot both pass the duplicate guard.
    /// </summary>
    public static Task LockAccountAsync(this TrackingDb db, string workspaceId, string platform, string account, CancellationToken cancellationToken) =>
        db.LockUntilCommitAsync($"tracking/{workspaceId}/{platform}/{account}", cancellationToken);

    public static Task<Publication?> FindByExternalIdAsync(this TrackingDb db, string workspaceId, string platform, string externalPostId, CancellationToken cancellationToken) =>
        db.Publications.AsNoTracking().FirstOrDefaultAsync(
            p => p.WorkspaceId == workspaceId && p.Platform == platform && p.ExternalPostId == externalPostId, cancellationToken);

    /// <summary>
    /// The duplicate guard's decision (<see cref="DuplicateGuard"/>) on publishing the asset on the account now, over the
    /// account's publications of the same content: of the asset itself, of an asset with the same SHA-256, or of one
    /// whose perceptual hash is near. <paramref name="account"/> is normalized (AccountHandles).
    /// </summary>
    public static async Task<IReadOnlyList<GuardConflict>> GuardConflictsAsync(this TrackingDb db, Asset asset, string platform, string account,
        TrackingOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cooldown = options.CooldownFor(platform);
        var parameters = new List<object>
        {
            new NpgsqlParameter("workspace", asset.WorkspaceId), new NpgsqlParameter("asset", asset.Id),
            new NpgsqlParameter("platform", platform), new NpgsqlParameter("account", account), new NpgsqlParameter("since", now - cooldown),
        };
        // The few assets showing the same content come first, each arm from its own index; only the arms that can
        // match are written. Their publications follow asset by asset: OFFSET 0 keeps that an index lookup per asset,
        // since the planner cannot know how few the assets are and would otherwise read the account's whole history.
        var same = new List<string> { "SELECT @asset AS id" };
        if (asset.ContentHash is { } contentHash)
        {
            same.Add("SELECT id FROM assets WHERE workspace_id = @workspace AND content_hash = @hash");
            parameters.Add(new NpgsqlParameter("hash", contentHash));
        }
        if (asset.PerceptualHash is { } perceptual)
            same.Add(NearPerceptual(perceptual, options.NearDuplicateDistance, parameters));
        var sql = $"""
            WITH same AS MATERIALIZED ({string.Join("\nUNION ", same)})
            SELECT p.* FROM same CROSS JOIN LATERAL (
                SELECT * FROM publications p
                WHERE p.asset_id = same.id AND p.workspace_id = @workspace AND p.platform = @platform AND p.account = @account
                  AND (p.status = 'live' OR p.published_at > @since)
                OFFSET 0) p
            """;
        var candidates = await db.Publications.FromSqlRaw(sql, parameters.ToArray()).AsNoTracking().ToListAsync(cancellationToken);
        return DuplicateGuard.Conflicts(asset, candidates, now, cooldown);
    }

    /// <summary>The asset that shows this content, by exact hash first, then by the nearest perceptual hash; oldest on ties.</summary>
    public static async Task<(Guid Id, string MatchedBy)?> MatchContentAsync(this TrackingDb db, string workspaceId, string? contentHash,
        long? perceptualHash, int distance, CancellationToken cancellationToken)
    {
        if (contentHash is not null)
        {
            var exact = await db.Assets.Where(a => a.WorkspaceId == workspaceId && a.ContentHash == contentHash)
                .OrderBy(a => a.CreatedAt).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (exact is { } id)
                return (id, "contentHash");
        }
        if (perceptualHash is { } perceptual)
        {
            var parameters = new List<object> { new NpgsqlParameter("workspace", workspaceId) };
            var sql = $"""
                SELECT id AS "Value" FROM assets WHERE id IN ({NearPerceptual(perceptual, distance, parameters)})
                ORDER BY bit_count((perceptual_hash # @phash)::bit(64)), created_at LIMIT 1
                """;
            var near = await db.Database.SqlQueryRaw<Guid>(sql, parameters.ToArray()).ToListAsync(cancellationToken);
            if (near.Count == 1)
                return (near[0], "perceptualHash");
        }
        return null;
    }

    /// <summary>
    /// A query for the ids of the workspace's assets whose perceptual hash is within <paramref name="distance"/> bits,
    /// adding its parameters: one probe per band index when the distance allows (docs/decisions/0008), so every
    /// candidate is checked inside the index; a scan of the hashes otherwise. Only fixed text goes into the SQL.
    /// </summary>
    private static string NearPerceptual(long hash, int distance, List<object> parameters)
    {
        parameters.AddRange([new NpgsqlParameter("phash", hash), new NpgsqlParameter("distance", distance)]);
        const string Near = "SELECT id FROM assets WHERE workspace_id = @workspace AND perceptual_hash IS NOT NULL AND bit_count((perceptual_hash # @phash)::bit(64)) <= @distance";
        if (distance > PerceptualBands.MaxIndexedDistance)
            return Near;
        return string.Join("\nUNION ", Enumerable.Range(0, PerceptualBands.Count).Select(band =>
        {
            parameters.Add(new NpgsqlParameter($"band{band}", PerceptualBands.Probes(hash, band)));
            return $"{Near} AND {PerceptualBands.Sql(band)} = ANY(@band{band})";
        }));
    }
}
