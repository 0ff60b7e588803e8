using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// One round of resolution, in one transaction: take queued posts no other instance holds, resolve them with their
/// workspace's mapping rows and settings, refresh their baseline values, score them against the baseline, store the
/// result, and stage MetricsUpdated for every post whose numbers or score changed. A crash before the commit leaves the
/// posts queued. After it, a short second transaction wakes posts whose baseline a concurrent batch helped fill.
/// </summary>
public sealed partial class ResolutionBatch(MetricsDb db, MappingStore mappings, SettingsStore settings, LargeBaselines large, TimeProvider clock,
    ILogger<ResolutionBatch> logger)
{
    public const int Size = 400;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Claimed(string Workspace, string Platform, string ExternalPostId, string Account, string? PublishedDigest,
        long Revision, Guid? PublicationId, DateTimeOffset? PublishedAt, bool Removed, string Format)
    {
        public (string, string, string) Key => (Workspace, Platform, ExternalPostId);

        public BaselineGroup Group => new(Workspace, Platform, Account, Format);
    }

    /// <summary>The posts the last run claimed, kept when it failed so they can be moved to the back of the queue.</summary>
    public IReadOnlyList<(string Workspace, string Platform, string ExternalPostId)> LastClaimed { get; private set; } = [];

    /// <summary>Moves posts to the back of the queue: one that cannot be resolved must not hold up the rest.</summary>
    public async Task RequeueAsync(IReadOnlyList<(string Workspace, string Platform, string ExternalPostId)> posts, CancellationToken cancellationToken)
    {
        if (posts.Count == 0)
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        object[] keys = [posts.Select(p => p.Workspace).ToArray(), posts.Select(p => p.Platform).ToArray(), posts.Select(p => p.ExternalPostId).ToArray()];
        await db.ExecuteAsync("""
            DELETE FROM resolution_queue q USING unnest($1::text[], $2::text[], $3::text[]) AS k(w, p, e)
            WHERE q.workspace_id = k.w AND q.platform = k.p AND q.external_post_id = k.e
            """, cancellationToken, keys);
        await db.ExecuteAsync(ResolutionQueue.Mark("SELECT * FROM unnest($1::text[], $2::text[], $3::text[])"), cancellationToken, keys);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Resolves up to <paramref name="size"/> queued posts; returns how many. Once they are committed, the large baselines
    /// the batch read are shared with the other loops, and the thin ones it wrote to are counted again.
    /// </summary>
    public async Task<int> RunAsync(int size, CancellationToken cancellationToken)
    {
        var (resolved, baselines, thin) = await ResolveAsync(size, cancellationToken);
        foreach (var ((group, age), read) in baselines)
            if (read is { Fresh: true, Shared: { } shared })
                large.Keep(group, age, shared);
        try
        {
            await RecountAsync(thin, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The batch is done; a wait this missed is found by the worker's sweep.
            logger.LogWarning(e, "Counting baselines again after a batch failed");
        }
        return resolved;
    }

    private async Task<(int Resolved, Dictionary<(BaselineGroup, string), BaselineRead> Baselines, List<(BaselineGroup Group, string Age)> Thin)>
        ResolveAsync(int size, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var posts = await ClaimAsync(size, cancellationToken);
        LastClaimed = [.. posts.Select(p => p.Key)];
        if (posts.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken); // the orphaned marks the claim deleted
            return (0, [], []);
        }
        var now = clock.GetUtcNow();
        var (connection, inTransaction) = ((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction());
        var rules = new Dictionary<string, (MappingSet Mappings, ResolutionSettings Settings)>();
        foreach (var workspace in posts.Select(p => p.Workspace).Distinct())
            rules[workspace] = (await mappings.ForWorkspaceAsync(connection, inTransaction, workspace, cancellationToken),
                await settings.GetAsync(connection, inTransaction, workspace, cancellationToken));
        var readings = await ReadingsAsync(posts, rules, cancellationToken);
        var resolved = new Dictionary<(string, string, string), (ResolvedPost Post, int Observations)>();
        foreach (var post in posts)
        {
            var own = readings.GetValueOrDefault(post.Key) ?? [];
            try
            {
                resolved[post.Key] = (PostResolution.Resolve(own, post.PublishedAt, now, rules[post.Workspace].Settings), own.Count);
            }
            catch (Exception e)
            {
                // One post's problem is its own: it keeps its last resolution and is queued again, and the batch goes on.
                logger.LogError(e, "Resolving {Platform} post {ExternalPostId} failed", post.Platform, post.ExternalPostId);
            }
        }
        var failed = posts.Where(p => !resolved.ContainsKey(p.Key)).ToList();
        if (failed.Count > 0)
            await db.ExecuteAsync(ResolutionQueue.Mark("SELECT * FROM unnest($1::text[], $2::text[], $3::text[])"), cancellationToken, Keys(failed));
        posts = [.. posts.Where(p => resolved.ContainsKey(p.Key))];
        var entered = await RefreshBaselinesAsync(posts, resolved, cancellationToken);
        var baselines = await BaselinesAsync(posts, resolved, entered, rules, cancellationToken);
        var events = new List<(Guid, DateTimeOffset, MetricsUpdated)>();
        var updates = posts.Select(post =>
        {
            var (resolution, observations) = resolved[post.Key];
            var score = Score(post, resolution.ScoreBasis, baselines, rules[post.Workspace].Settings);
            var metrics = PostMetrics.From(resolution, score, observations, now);
            var (digest, revision) = Publish(post, metrics, now, events);
            return (Post: post, Metrics: metrics, Digest: digest, Revision: revision);
        }).ToList();
        await StoreAsync(updates, cancellationToken);
        var thin = await QueueAwaitingAsync(entered, baselines, rules, cancellationToken);
        await db.PublishAllAsync(events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (posts.Count, baselines, thin);
    }

    /// <summary>
    /// Takes queued posts that no other instance is resolving (their rows are locked for the transaction) with what
    /// tracking said of them; queue rows of posts another instance holds stay for the next round.
    /// </summary>
    private async Task<List<Claimed>> ClaimAsync(int size, CancellationToken cancellationToken)
    {
        await using var command = db.Command($"""
            WITH picked AS (
                SELECT id, workspace_id, platform, external_post_id FROM resolution_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED),
            held AS (
                SELECT p.workspace_id, p.platform, p.external_post_id, p.account, p.published_digest, p.revision FROM posts p
                WHERE (p.workspace_id, p.platform, p.external_post_id) IN (SELECT workspace_id, platform, external_post_id FROM picked)
                ORDER BY p.workspace_id, p.platform, p.external_post_id
                LIMIT $2 FOR UPDATE OF p SKIP LOCKED),
            taken AS (
                DELETE FROM resolution_queue q USING picked k, held h
                WHERE q.id = k.id AND k.workspace_id = h.workspace_id AND k.platform = h.platform AND k.external_post_id = h.external_post_id),
            orphans AS (
                -- A mark for a post that has no row (cannot happen from the ways in; a guard against a queue that never drains).
                DELETE FROM resolution_queue q USING picked k
                WHERE q.id = k.id AND NOT EXISTS (SELECT 1 FROM posts p
                    WHERE p.workspace_id = k.workspace_id AND p.platform = k.platform AND p.external_post_id = k.external_post_id))
            -- The rows as locked (the newest version), not as the statement's snapshot saw them.
            SELECT p.workspace_id, p.platform, p.external_post_id, coalesce(pub.account, p.account), p.published_digest, p.revision,
                   pub.publication_id, pub.published_at, pub.removed_at IS NOT NULL, coalesce(a.format, a.kind, '')
            FROM held p
            LEFT JOIN LATERAL ({TrackingProjection.PublicationOfPost}) pub ON true
            LEFT JOIN assets a ON a.asset_id = pub.asset_id AND a.workspace_id = p.workspace_id
            """, size * 3, size);
        var posts = new List<Claimed>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            posts.Add(new Claimed(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetGuid(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7), !reader.IsDBNull(8) && reader.GetBoolean(8), reader.GetString(9)));
        return posts;
    }

    private async Task<Dictionary<(string, string, string), List<Reading>>> ReadingsAsync(List<Claimed> posts,
        Dictionary<string, (MappingSet Mappings, ResolutionSettings Settings)> rules, CancellationToken cancellationToken)
    {
        await using var command = db.Command("""
            SELECT r.workspace_id, r.platform, r.external_post_id, r.id, r.observed_at, r.source, r.metrics::text
            FROM raw_observations r JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(w, p, e)
              ON r.workspace_id = k.w AND r.platform = k.p AND r.external_post_id = k.e
            """, Keys(posts));
        var readings = new Dictionary<(string, string, string), List<Reading>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            var observedAt = reader.GetFieldValue<DateTimeOffset>(4);
            var normalized = MetricNormalizer.Normalize(rules[key.Item1].Mappings, key.Item2, observedAt, RawValues.ReadObject(reader.GetString(6)));
            if (!readings.TryGetValue(key, out var list))
                readings[key] = list = [];
            list.Add(new Reading(reader.GetInt64(3), observedAt, reader.GetString(5), normalized));
        }
        return readings;
    }

    /// <summary>
    /// Adds MetricsUpdated to <paramref name="events"/> when what it would say differs from what was last said; returns what
    /// was said and how many times.
    /// </summary>
    private static (string? Digest, long Revision) Publish(Claimed post, PostMetrics metrics, DateTimeOffset now,
        List<(Guid, DateTimeOffset, MetricsUpdated)> events)
    {
        if (metrics.Values.Count == 0)
            return (post.PublishedDigest, post.Revision);
        var (rate, definition) = metrics.HeadlineRate();
        var values = metrics.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value.Value);
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new { post.PublicationId, post.Account, values, rate, definition, metrics.Score.Percentile }))));
        if (digest == post.PublishedDigest)
            return (digest, post.Revision);
        var eventId = Guid.NewGuid();
        events.Add((eventId, now, new MetricsUpdated(eventId, post.Workspace, now, post.PublicationId, post.Platform, post.Account,
            post.ExternalPostId, metrics.Values.Values.Max(v => v.ObservedAt), values, rate, definition, metrics.Score.Percentile, post.Revision + 1)));
        return (digest, post.Revision + 1);
    }

    private Task StoreAsync(List<(Claimed Post, PostMetrics Metrics, string? Digest, long Revision)> updates, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            UPDATE posts p SET resolution = u.resolution, score = u.score, awaits_age = u.awaits, format = u.format, account = u.account,
                published_digest = u.digest, revision = u.revision, resolved_at = now()
            FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::float8[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[])
                AS u(w, p, e, resolution, score, awaits, format, account, digest, revision)
            WHERE p.workspace_id = u.w AND p.platform = u.p AND p.external_post_id = u.e
            """, cancellationToken,
            updates.Select(u => u.Post.Workspace).ToArray(), updates.Select(u => u.Post.Platform).ToArray(),
            updates.Select(u => u.Post.ExternalPostId).ToArray(),
            new NpgsqlParameter { Value = updates.Select(u => JsonSerializer.Serialize(u.Metrics, Json)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
            updates.Select(u => u.Metrics.Score.Percentile).ToArray(),
            // A post taken down has no value of its own in the baseline, so it counts it differently; it waits for nothing.
            updates.Select(u => u.Metrics.Score.AwaitsBaseline() && !u.Post.Removed ? u.Metrics.Score.Age : null).ToArray(),
            updates.Select(u => u.Post.Format).ToArray(), updates.Select(u => u.Post.Account).ToArray(), updates.Select(u => u.Digest).ToArray(),
            updates.Select(u => u.Revision).ToArray());

    private static object[] Keys(List<Claimed> posts) =>
        [posts.Select(p => p.Workspace).ToArray(), posts.Select(p => p.Platform).ToArray(), posts.Select(p => p.ExternalPostId).ToArray()];
}
