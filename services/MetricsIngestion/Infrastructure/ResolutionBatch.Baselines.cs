using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// The batch's baselines: the values its posts add to them, the baselines they are scored against, and waking the
/// posts that wait for a baseline to fill.
/// </summary>
public sealed partial class ResolutionBatch
{
    /// <summary>
    /// A baseline as the batch has it: the values it read, and for a large one the copy every post is scored against (from
    /// <see cref="LargeBaselines"/>, with no values of its own, or just read).
    /// </summary>
    private readonly record struct BaselineRead(double[]? Values, Baseline? Shared)
    {
        public int Count => Shared?.Count ?? Values?.Length ?? 0;

        public bool Fresh => Values is { Length: > 0 };
    }

    /// <summary>
    /// Replaces the posts' baseline values (a post taken down leaves its baseline: it is no longer the creator's history
    /// on the account); returns every group and age the batch wrote a value to.
    /// </summary>
    private async Task<HashSet<(BaselineGroup Group, string Age)>> RefreshBaselinesAsync(List<Claimed> posts,
        Dictionary<(string, string, string), (ResolvedPost Post, int Observations)> resolved, CancellationToken cancellationToken)
    {
        var rows = posts.Where(p => !p.Removed).SelectMany(p => resolved[p.Key].Post.Ages
            .Where(a => a.Values.TryGetValue(DerivedMetrics.Engagement, out var v) && v.IsComparable())
            .Select(a => (Post: p, a.Age, Engagement: a.Values[DerivedMetrics.Engagement].Value))).ToList();
        await db.ExecuteAsync("""
            DELETE FROM baseline_values b USING unnest($1::text[], $2::text[], $3::text[]) AS k(w, p, e)
            WHERE b.workspace_id = k.w AND b.platform = k.p AND b.external_post_id = k.e
            """, cancellationToken, Keys(posts));
        await db.ExecuteAsync("""
            INSERT INTO baseline_values (workspace_id, platform, account, format, age, external_post_id, engagement)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[])
            """, cancellationToken, rows.Select(r => r.Post.Workspace).ToArray(), rows.Select(r => r.Post.Platform).ToArray(),
            rows.Select(r => r.Post.Account).ToArray(), rows.Select(r => r.Post.Format).ToArray(), rows.Select(r => r.Age).ToArray(),
            rows.Select(r => r.Post.ExternalPostId).ToArray(), rows.Select(r => r.Engagement).ToArray());
        return rows.Select(r => (r.Post.Group, r.Age)).ToHashSet();
    }

    /// <summary>
    /// The baseline of every group and age a post in the batch is scored at or wrote to, the batch's own values among
    /// them; gathered into one array per baseline by PostgreSQL, so a baseline costs one value per post, not a row. Large
    /// baselines come from <see cref="LargeBaselines"/> while its copy is fresh.
    /// </summary>
    private async Task<Dictionary<(BaselineGroup, string), BaselineRead>> BaselinesAsync(List<Claimed> posts,
        Dictionary<(string, string, string), (ResolvedPost Post, int Observations)> resolved, HashSet<(BaselineGroup Group, string Age)> written,
        Dictionary<string, (MappingSet Mappings, ResolutionSettings Settings)> rules, CancellationToken cancellationToken)
    {
        var baselines = new Dictionary<(BaselineGroup, string), BaselineRead>();
        var wanted = new List<(BaselineGroup Group, string Age)>();
        foreach (var key in posts.Where(p => resolved[p.Key].Post.ScoreBasis is not null)
            .Select(p => (p.Group, resolved[p.Key].Post.ScoreBasis!.Age)).Concat(written).Distinct())
        {
            // Only where no post can be waiting for it: a baseline above the workspace's minimum.
            if (large.Get(key.Group, key.Age) is { } shared && LargeBaselines.Shareable(shared.Count, rules[key.Group.Workspace].Settings))
                baselines[key] = new BaselineRead(null, shared);
            else
                wanted.Add(key);
        }
        if (wanted.Count == 0)
            return baselines;
        await using var command = db.Command("""
            SELECT g.w, g.p, g.a, g.f, g.age, v.values
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS g(w, p, a, f, age)
            -- One index lookup per baseline: a join lets the planner scan each platform's posts by the primary key instead.
            CROSS JOIN LATERAL (SELECT array_agg(b.engagement) AS values FROM baseline_values b
                WHERE b.workspace_id = g.w AND b.platform = g.p AND b.account = g.a AND b.format = g.f AND b.age = g.age) v
            WHERE v.values IS NOT NULL
            """, wanted.Select(w => w.Group.Workspace).ToArray(), wanted.Select(w => w.Group.Platform).ToArray(),
            wanted.Select(w => w.Group.Account).ToArray(), wanted.Select(w => w.Group.Format).ToArray(), wanted.Select(w => w.Age).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (group, age) = (new BaselineGroup(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)), reader.GetString(4));
            var values = reader.GetFieldValue<double[]>(5);
            baselines[(group, age)] = new BaselineRead(values,
                LargeBaselines.Shareable(values.Length, rules[group.Workspace].Settings) ? Baseline.Of(values) : null);
        }
        return baselines;
    }

    private static Score Score(Claimed post, ScoreBasis? basis, Dictionary<(BaselineGroup, string), BaselineRead> baselines, ResolutionSettings settings)
    {
        if (post.PublishedAt is null)
            return BaselineScore.Unscored("Tracking has not recorded this post, so its age is unknown; it is scored once the publication is recorded.");
        if (basis is null)
            return BaselineScore.Unscored("No engagement at 1 h or later between two close readings yet.");
        var read = baselines.GetValueOrDefault((post.Group, basis.Age));
        if (read.Shared is { } shared) // a large baseline, as read: the post's own value among the others (LargeBaselines)
            return BaselineScore.Compute(basis.Engagement, basis.Age, shared, settings.MinBaselinePosts);
        // The post's own value is in its baseline (the batch just wrote it, unless the post was taken down); it is compared
        // with the others only.
        var others = (read.Values ?? []).ToList();
        if (!post.Removed)
            others.Remove(basis.Engagement);
        return BaselineScore.Compute(basis.Engagement, basis.Age, others, settings.MinBaselinePosts);
    }

    /// <summary>
    /// Posts waiting for a baseline the batch wrote to are queued again once it holds enough posts besides them (the
    /// workspace's minimum), so they get their score; only waiting posts carry the mark, so the lookup is small. Returns
    /// the baselines still short of it: another batch may have written to one at the same time, each counting what was
    /// committed and its own, so <see cref="RecountAsync"/> counts them again once this batch has committed.
    /// </summary>
    private async Task<List<(BaselineGroup Group, string Age)>> QueueAwaitingAsync(HashSet<(BaselineGroup Group, string Age)> written,
        Dictionary<(BaselineGroup, string), BaselineRead> baselines,
        Dictionary<string, (MappingSet Mappings, ResolutionSettings Settings)> rules, CancellationToken cancellationToken)
    {
        var full = written.Where(w => baselines.GetValueOrDefault(w).Count > rules[w.Group.Workspace].Settings.MinBaselinePosts).ToList();
        if (full.Count > 0)
            await db.ExecuteAsync(ResolutionQueue.Mark("""
                SELECT p.workspace_id, p.platform, p.external_post_id
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS g(w, pl, a, f, age)
                JOIN posts p ON p.workspace_id = g.w AND p.platform = g.pl AND p.account = g.a AND p.format = g.f AND p.awaits_age = g.age
                -- Said outright, so the planner takes the small index of waiting posts, not every post of the platform.
                WHERE p.awaits_age IS NOT NULL
                """), cancellationToken, Columns(full));
        return [.. written.Except(full)];
    }

    /// <summary>
    /// Counts the baselines again with everything committed, and queues the posts waiting for one that now holds enough.
    /// Of two batches that wrote to a baseline at once, the one that commits last counts after both: no wait is missed.
    /// </summary>
    public async Task RecountAsync(IReadOnlyList<(BaselineGroup Group, string Age)> baselines, CancellationToken cancellationToken)
    {
        if (baselines.Count == 0)
            return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ExecuteAsync(WakeWaiting("""
            AND (p.workspace_id, p.platform, p.account, p.format, p.awaits_age) IN (
                SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]))
            """), cancellationToken, [ResolutionSettings.Default.MinBaselinePosts, .. Columns(baselines)]);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Queues every waiting post whose baseline holds enough: the net under <see cref="RecountAsync"/>, for an instance
    /// that stopped between its commit and its count. Returns how many it queued.
    /// </summary>
    public async Task<int> WakeAllAwaitingAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var woken = await db.ExecuteAsync(WakeWaiting(""), cancellationToken, ResolutionSettings.Default.MinBaselinePosts);
        await transaction.CommitAsync(cancellationToken);
        return woken;
    }

    /// <summary>
    /// SQL that queues the waiting posts (narrowed by <paramref name="where"/>) whose baseline holds more than their
    /// workspace's minimum ($1 where it set none), counting no further than that.
    /// </summary>
    private static string WakeWaiting(string where) => ResolutionQueue.Mark($"""
        SELECT p.workspace_id, p.platform, p.external_post_id FROM posts p
        LEFT JOIN metric_settings s ON s.workspace_id = p.workspace_id
        WHERE p.awaits_age IS NOT NULL {where} AND NOT {ResolutionQueue.IsQueued}
          AND (SELECT count(*) FROM (SELECT 1 FROM baseline_values b
                   WHERE b.workspace_id = p.workspace_id AND b.platform = p.platform AND b.account = p.account
                     AND b.format = p.format AND b.age = p.awaits_age
                   LIMIT coalesce(s.min_baseline_posts, $1) + 1) counted) > coalesce(s.min_baseline_posts, $1)
        """);

    private static object[] Columns(IReadOnlyCollection<(BaselineGroup Group, string Age)> baselines) =>
    [
        baselines.Select(t => t.Group.Workspace).ToArray(), baselines.Select(t => t.Group.Platform).ToArray(),
        baselines.Select(t => t.Group.Account).ToArray(), baselines.Select(t => t.Group.Format).ToArray(), baselines.Select(t => t.Age).ToArray(),
    ];
}
