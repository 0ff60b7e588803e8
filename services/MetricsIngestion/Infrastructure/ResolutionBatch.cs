using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// One round of resolution in one transaction: claim posts with new readings, resolve them with their workspace's mapping
/// rows and settings, refresh their baseline values, score them against the baseline, store the result, and stage
/// MetricsUpdated for every post whose numbers or score changed. A crash before the commit leaves the posts marked.
/// </summary>
public sealed class ResolutionBatch(MetricsDb db, MappingStore mappings, SettingsStore settings, TimeProvider clock)
{
    public const int Size = 200;

    private sealed record Claimed(string Workspace, string Platform, string ExternalPostId, string Account, string? PublishedDigest,
        Guid? PublicationId, DateTimeOffset? PublishedAt, string Format)
    {
        public (string, string, string) Key => (Workspace, Platform, ExternalPostId);

        public (string, string, string, string) Group => (Workspace, Platform, Account, Format);
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var posts = await ClaimAsync(cancellationToken);
        if (posts.Count == 0)
            return 0;
        var now = clock.GetUtcNow();
        var rules = new Dictionary<string, (MappingSet Mappings, ResolutionSettings Settings)>();
        foreach (var workspace in posts.Select(p => p.Workspace).Distinct())
            rules[workspace] = (await mappings.ForWorkspaceAsync(Connection, Transaction, workspace, cancellationToken),
                await settings.GetAsync(Connection, Transaction, workspace, cancellationToken));
        var readings = await ReadingsAsync(posts, rules, cancellationToken);
        var resolved = posts.ToDictionary(p => p.Key, p =>
        {
            var own = readings.GetValueOrDefault(p.Key) ?? [];
            return (Post: PostResolution.Resolve(own, p.PublishedAt, now, rules[p.Workspace].Settings), Observations: own.Count);
        });
        var enteredBaselines = await RefreshBaselinesAsync(posts, resolved.ToDictionary(r => r.Key, r => r.Value.Post), cancellationToken);
        var baselines = await BaselinesAsync(posts, resolved, cancellationToken);
        var updates = new List<(Claimed Post, PostMetrics Metrics, string? Digest)>();
        foreach (var post in posts)
        {
            var (resolution, observations) = resolved[post.Key];
            var score = Score(post, resolution.ScoreBasis, baselines, rules[post.Workspace].Settings);
            var metrics = PostMetrics.From(resolution, score, observations, now);
            updates.Add((post, metrics, Publish(post, metrics, now)));
        }
        await StoreAsync(updates, cancellationToken);
        await WakeAwaitingAsync(enteredBaselines, posts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return posts.Count;
    }

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    private NpgsqlTransaction Transaction => (NpgsqlTransaction)Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions
        .GetDbTransaction(db.Database.CurrentTransaction!);

    /// <summary>Posts waiting to be resolved that no other instance holds, with what tracking said of them.</summary>
    private async Task<List<Claimed>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var command = db.Command("""
            SELECT p.workspace_id, p.platform, p.external_post_id, coalesce(pub.account, p.account), p.published_digest,
                   pub.publication_id, pub.published_at, coalesce(a.format, '')
            FROM posts p
            LEFT JOIN LATERAL (
                SELECT publication_id, account, published_at, asset_id FROM publications
                WHERE workspace_id = p.workspace_id AND platform = p.platform AND external_post_id = p.external_post_id
                ORDER BY published_at NULLS LAST, publication_id LIMIT 1) pub ON true
            LEFT JOIN assets a ON a.asset_id = pub.asset_id AND a.workspace_id = p.workspace_id
            WHERE p.needs_resolution
            LIMIT $1
            FOR UPDATE OF p SKIP LOCKED
            """, Size);
        var posts = new List<Claimed>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            posts.Add(new Claimed(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetGuid(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7)));
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
            using var raw = JsonDocument.Parse(reader.GetString(6));
            var values = raw.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => RawValues.Read(p.Value), StringComparer.Ordinal);
            var normalized = MetricNormalizer.Normalize(rules[key.Item1].Mappings, key.Item2, observedAt, values);
            if (!readings.TryGetValue(key, out var list))
                readings[key] = list = [];
            list.Add(new Reading(reader.GetInt64(3), observedAt, reader.GetString(5), normalized));
        }
        return readings;
    }

    /// <summary>Replaces the posts' baseline values; returns the groups a post newly entered at some age.</summary>
    private async Task<HashSet<(string, string, string, string)>> RefreshBaselinesAsync(List<Claimed> posts,
        Dictionary<(string, string, string), ResolvedPost> resolved, CancellationToken cancellationToken)
    {
        var before = new HashSet<(string, string, string, string)>();
        await using (var command = db.Command("""
            DELETE FROM baseline_values b USING unnest($1::text[], $2::text[], $3::text[]) AS k(w, p, e)
            WHERE b.workspace_id = k.w AND b.platform = k.p AND b.external_post_id = k.e
            RETURNING b.workspace_id, b.platform, b.external_post_id, b.age
            """, Keys(posts)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                before.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        var rows = posts.SelectMany(p => resolved[p.Key].Ages
            .Where(a => a.Values.TryGetValue(DerivedMetrics.Engagement, out var v) && v.IsComparable())
            .Select(a => (Post: p, a.Age, Engagement: a.Values[DerivedMetrics.Engagement].Value))).ToList();
        await db.ExecuteAsync("""
            INSERT INTO baseline_values (workspace_id, platform, account, format, age, external_post_id, engagement)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[])
            """, cancellationToken, rows.Select(r => r.Post.Workspace).ToArray(), rows.Select(r => r.Post.Platform).ToArray(),
            rows.Select(r => r.Post.Account).ToArray(), rows.Select(r => r.Post.Format).ToArray(), rows.Select(r => r.Age).ToArray(),
            rows.Select(r => r.Post.ExternalPostId).ToArray(), rows.Select(r => r.Engagement).ToArray());
        return rows.Where(r => !before.Contains((r.Post.Workspace, r.Post.Platform, r.Post.ExternalPostId, r.Age)))
            .Select(r => r.Post.Group).ToHashSet();
    }

    /// <summary>The baseline values of every group and age a post in the batch is scored at, by post.</summary>
    private async Task<Dictionary<(string, string, string, string, string), List<(string Post, double Engagement)>>> BaselinesAsync(
        List<Claimed> posts, Dictionary<(string, string, string), (ResolvedPost Post, int Observations)> resolved, CancellationToken cancellationToken)
    {
        var wanted = posts.Where(p => resolved[p.Key].Post.ScoreBasis is not null)
            .Select(p => (p.Workspace, p.Platform, p.Account, p.Format, resolved[p.Key].Post.ScoreBasis!.Age)).Distinct().ToList();
        var baselines = new Dictionary<(string, string, string, string, string), List<(string, double)>>();
        if (wanted.Count == 0)
            return baselines;
        await using var command = db.Command("""
            SELECT b.workspace_id, b.platform, b.account, b.format, b.age, b.external_post_id, b.engagement
            FROM baseline_values b JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS g(w, p, a, f, age)
              ON b.workspace_id = g.w AND b.platform = g.p AND b.account = g.a AND b.format = g.f AND b.age = g.age
            """, wanted.Select(w => w.Workspace).ToArray(), wanted.Select(w => w.Platform).ToArray(), wanted.Select(w => w.Account).ToArray(),
            wanted.Select(w => w.Format).ToArray(), wanted.Select(w => w.Age).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
            if (!baselines.TryGetValue(key, out var values))
                baselines[key] = values = [];
            values.Add((reader.GetString(5), reader.GetDouble(6)));
        }
        return baselines;
    }

    private static Score Score(Claimed post, ScoreBasis? basis, Dictionary<(string, string, string, string, string), List<(string Post, double Engagement)>> baselines,
        ResolutionSettings settings)
    {
        if (post.PublishedAt is null)
            return BaselineScore.Unscored("Tracking has not recorded this post, so its age is unknown; it is scored once the publication is recorded.");
        if (basis is null)
            return BaselineScore.Unscored("No engagement at 1 h or later between two readings yet.");
        var others = baselines.GetValueOrDefault((post.Workspace, post.Platform, post.Account, post.Format, basis.Age)) ?? [];
        return BaselineScore.Compute(basis.Engagement, basis.Age,
            others.Where(o => o.Post != post.ExternalPostId).Select(o => o.Engagement).ToList(), settings.MinBaselinePosts);
    }

    /// <summary>Stages MetricsUpdated when what it would say differs from what was last said; returns what was said.</summary>
    private string? Publish(Claimed post, PostMetrics metrics, DateTimeOffset now)
    {
        if (metrics.Values.Count == 0)
            return post.PublishedDigest;
        var (rate, definition) = metrics.HeadlineRate();
        var values = metrics.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value.Value);
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new { post.PublicationId, post.Account, values, rate, definition, metrics.Score.Percentile }))));
        if (digest == post.PublishedDigest)
            return digest;
        var eventId = Guid.NewGuid();
        db.PublishOnSave(eventId, now, new MetricsUpdated(eventId, post.Workspace, now, post.PublicationId, post.Platform, post.Account,
            post.ExternalPostId, metrics.Values.Values.Max(v => v.ObservedAt), values, rate, definition, metrics.Score.Percentile));
        return digest;
    }

    private Task StoreAsync(List<(Claimed Post, PostMetrics Metrics, string? Digest)> updates, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            UPDATE posts p SET resolution = u.resolution, score = u.score, awaits_baseline = u.awaits, format = u.format, account = u.account,
                published_digest = u.digest, resolved_at = now(), needs_resolution = false
            FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::float8[], $6::boolean[], $7::text[], $8::text[], $9::text[])
                AS u(w, p, e, resolution, score, awaits, format, account, digest)
            WHERE p.workspace_id = u.w AND p.platform = u.p AND p.external_post_id = u.e
            """, cancellationToken,
            updates.Select(u => u.Post.Workspace).ToArray(), updates.Select(u => u.Post.Platform).ToArray(),
            updates.Select(u => u.Post.ExternalPostId).ToArray(),
            new NpgsqlParameter { Value = updates.Select(u => JsonSerializer.Serialize(u.Metrics, Json)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
            updates.Select(u => u.Metrics.Score.Percentile).ToArray(),
            updates.Select(u => AwaitsBaseline(u.Metrics.Score)).ToArray(),
            updates.Select(u => u.Post.Format).ToArray(), updates.Select(u => u.Post.Account).ToArray(),
            updates.Select(u => u.Digest).ToArray());

    /// <summary>Scored at an age but not yet given a percentile: the baseline there is too thin.</summary>
    private static bool AwaitsBaseline(Score score) => score.Percentile is null && score.Age is not null;

    /// <summary>Posts waiting for a baseline that just grew are resolved again, so they get their score.</summary>
    private Task WakeAwaitingAsync(HashSet<(string, string, string, string)> groups, List<Claimed> batch, CancellationToken cancellationToken) =>
        groups.Count == 0 ? Task.CompletedTask : db.ExecuteAsync("""
            UPDATE posts p SET needs_resolution = true
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS g(w, pl, a, f)
            WHERE p.awaits_baseline AND NOT p.needs_resolution
              AND p.workspace_id = g.w AND p.platform = g.pl AND p.account = g.a AND coalesce(p.format, '') = g.f
              AND NOT p.external_post_id = ANY($5)
            """, cancellationToken, groups.Select(g => g.Item1).ToArray(), groups.Select(g => g.Item2).ToArray(),
            groups.Select(g => g.Item3).ToArray(), groups.Select(g => g.Item4).ToArray(), batch.Select(p => p.ExternalPostId).ToArray());

    private static object[] Keys(List<Claimed> posts) =>
        [posts.Select(p => p.Workspace).ToArray(), posts.Select(p => p.Platform).ToArray(), posts.Select(p => p.ExternalPostId).ToArray()];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
