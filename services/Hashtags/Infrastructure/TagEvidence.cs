using System.Collections.Concurrent;
using CreatorMeta.Hashtags.Domain;
using CreatorMeta.Hashtags.Domain.Performance;
using CreatorMeta.Hashtags.Domain.Trends;
using CreatorMeta.ServiceDefaults.Caching;
using Npgsql;

namespace CreatorMeta.Hashtags.Infrastructure;

/// <summary>Which of a workspace's posts an analysis covers: optionally one platform's or account's, published in [from, to).</summary>
public sealed record PerformanceScope(string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To)
{
    public static PerformanceScope On(string? platform) => new(platform, null, null, null);
}

/// <summary>
/// One consistent copy of what every tag statistic starts from: a workspace's taxonomy and, read in the same snapshot,
/// its live posts with numbers in publication order, their tags counted as their canonical tags. Kept by
/// <see cref="WorkspaceCache{TCopy}"/> until something it was read from changes (migration 0003's triggers; a taxonomy
/// newer than the copy's retires it on the spot, <see cref="CurrentAsync"/>). Whole-platform effectiveness and
/// the hourly trends recommendations use are worked out once per copy and kept with it.
/// </summary>
public sealed class TagEvidence : IWorkspaceCopy
{
    public const string ChangesChannel = "hashtags_changed";
    public const string Score = "score";
    public const string EngagementRate = "engagementRate";
    public static readonly IReadOnlyList<string> Metrics = [Score, EngagementRate];

    /// <summary>Analyses kept per copy at most (besides each metric's columns), so odd parameters cannot grow a copy without bound.</summary>
    private const int MaxKept = 16;

    /// <summary>Analyses worked out again, most recently used first, when a change has the copy read again.</summary>
    private const int MaxPrepared = 6;

    private sealed record RowsKey(string Metric);
    private sealed record ColumnsKey(string Metric);
    private sealed record PerformanceKey(string Metric, string? Platform, int MinUses, double HalfLifeDays);
    private sealed record TrendsKey(string? Platform, DateTimeOffset At, int WindowDays);

    private readonly IReadOnlyList<PerformanceRow> posts; // Value: the score, NaN for none
    private readonly double[] rates; // each post's engagement rate, NaN for none
    private readonly ConcurrentDictionary<object, Kept> kept = new();
    private long uses;

    /// <summary>An analysis worked out (once, however many ask) and when it was last asked for.</summary>
    private sealed class Kept(Func<object> work)
    {
        public Lazy<object> Value { get; } = new(work);
        public long LastUsed;
    }

    private TagEvidence(Taxonomy taxonomy, int taxonomyVersion, IReadOnlyList<PerformanceRow> posts, double[] rates) =>
        (Taxonomy, TaxonomyVersion, this.posts, this.rates) = (taxonomy, taxonomyVersion, posts, rates);

    public Taxonomy Taxonomy { get; }

    /// <summary>The taxonomy version the tags were counted under (0 before any was stored).</summary>
    public int TaxonomyVersion { get; }

    public int Size => posts.Count;

    public IReadOnlyCollection<object> Prepared =>
        [.. kept.Where(k => k.Key is not RowsKey).OrderByDescending(k => Volatile.Read(ref k.Value.LastUsed)).Take(MaxPrepared).Select(k => k.Key)];

    public void Prepare(object what)
    {
        switch (what)
        {
            case ColumnsKey key:
                Columns(key.Metric);
                break;
            case PerformanceKey key:
                Performance(key.Metric, key.Platform, key.MinUses, key.HalfLifeDays);
                break;
            case TrendsKey key:
                HourlyTrends(key.Platform, key.At, key.WindowDays);
                break;
        }
    }

    /// <summary>The posts in scope that have <paramref name="metric"/>, in publication order.</summary>
    public IReadOnlyList<PerformanceRow> Rows(PerformanceScope scope, string metric)
    {
        var rows = Keep<IReadOnlyList<PerformanceRow>>(new RowsKey(metric), () => metric == Score
            ? [.. posts.Where(p => !double.IsNaN(p.Value))]
            : [.. posts.Select((p, i) => p with { Value = rates[i] }).Where(p => !double.IsNaN(p.Value))], always: true);
        return scope is { Platform: null, Account: null, From: null, To: null }
            ? rows
            : [.. rows.Where(r => (scope.Platform is null || r.Platform == scope.Platform) && (scope.Account is null || r.Account == scope.Account)
                && (scope.From is null || r.PublishedAt >= scope.From) && (scope.To is null || r.PublishedAt < scope.To))];
    }

    /// <summary>How many posts in scope have <paramref name="metric"/>.</summary>
    public int Count(PerformanceScope scope, string metric) =>
        scope is { Account: null, From: null, To: null }
            ? Columns(metric).Where(p => scope.Platform is null || p.Platform == scope.Platform).Sum(p => p.Count)
            : Rows(scope, metric).Count;

    /// <summary>Every tag's effectiveness in scope; a whole platform's (or the whole workspace's) is kept with the copy.</summary>
    public IReadOnlyList<TagPerformance> Performance(PerformanceScope scope, string metric, int minUses, double halfLifeDays) =>
        scope is { Account: null, From: null, To: null }
            ? Performance(metric, scope.Platform, minUses, halfLifeDays)
            : TagAnalysis.Analyse(Rows(scope, metric), minUses, halfLifeDays);

    /// <summary>Your trends on the platform (or every platform) as of <paramref name="at"/>, by the posts' scores.</summary>
    public IReadOnlyList<TagTrend> Trends(string? platform, DateTimeOffset at, int windowDays, bool rapidChanges = true) =>
        TagTrends.Of([.. Columns(Score).Where(p => platform is null || p.Platform == platform)], at, TimeSpan.FromDays(windowDays), rapidChanges);

    /// <summary>
    /// Your trends on the platform as of the start of <paramref name="at"/>'s hour, without rapid changes: what
    /// recommendations weigh as "trending now", kept with the copy for the hour (windows are days long).
    /// </summary>
    public IReadOnlyList<TagTrend> HourlyTrends(string? platform, DateTimeOffset at, int windowDays)
    {
        var hour = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        return Keep(new TrendsKey(platform, hour, windowDays), () => Trends(platform, hour, windowDays, rapidChanges: false));
    }

    private IReadOnlyList<TagPerformance> Performance(string metric, string? platform, int minUses, double halfLifeDays) =>
        Keep(new PerformanceKey(metric, platform, minUses, halfLifeDays), () =>
            TagAnalysis.Analyse([.. Columns(metric).Where(p => platform is null || p.Platform == platform)], minUses, halfLifeDays));

    /// <summary>Every platform's posts with the metric laid out for the statistics: built once per copy and metric.</summary>
    private IReadOnlyList<PlatformPosts> Columns(string metric) =>
        Keep(new ColumnsKey(metric), () => PlatformPosts.Of(Rows(PerformanceScope.On(null), metric)), always: true);

    /// <summary>
    /// The analysis under <paramref name="key"/>, worked out once however many ask. Beyond <see cref="MaxKept"/> the least
    /// recently used analysis makes room (never a metric's rows or columns, kept <paramref name="always"/>); one that failed is
    /// dropped, so the next request tries again rather than meeting the same failure for the life of the copy.
    /// </summary>
    private T Keep<T>(object key, Func<T> work, bool always = false) where T : class
    {
        if (!kept.TryGetValue(key, out var known))
        {
            while (!always && kept.Count >= MaxKept && LeastRecentlyUsed() is { } oldest)
                kept.TryRemove(oldest);
            known = kept.GetOrAdd(key, _ => new Kept(work));
        }
        Volatile.Write(ref known.LastUsed, Interlocked.Increment(ref uses));
        try
        {
            return (T)known.Value.Value;
        }
        catch
        {
            kept.TryRemove(new KeyValuePair<object, Kept>(key, known));
            throw;
        }
    }

    private KeyValuePair<object, Kept>? LeastRecentlyUsed() =>
        kept.Where(k => k.Key is not (RowsKey or ColumnsKey)).OrderBy(k => Volatile.Read(ref k.Value.LastUsed)).Cast<KeyValuePair<object, Kept>?>().FirstOrDefault();

    /// <summary>
    /// The workspace's current evidence, never counted under an older taxonomy than the one stored now: a taxonomy just
    /// replaced, here or on another instance, retires the copy at once rather than when its notification arrives.
    /// </summary>
    public static async Task<TagEvidence> CurrentAsync(WorkspaceCache<TagEvidence> cache, NpgsqlDataSource dataSource, string workspace,
        CancellationToken cancellationToken)
    {
        var copy = await cache.CopyAsync(workspace, cancellationToken);
        await using var version = dataSource.CreateCommand("SELECT version FROM taxonomies WHERE workspace_id = $1");
        version.Parameters.Add(new NpgsqlParameter { Value = workspace });
        if (copy.TaxonomyVersion >= ((int?)await version.ExecuteScalarAsync(cancellationToken) ?? 0))
            return copy;
        cache.Retire(workspace, copy);
        return await cache.CopyAsync(workspace, cancellationToken);
    }

    /// <summary>
    /// The workspace's taxonomy and its live published posts with a score or an engagement rate, in one snapshot: format
    /// (the kind when the asset names none), time of day in the account's zone, tags through the taxonomy. Repeated
    /// texts (tags, accounts, formats) are held once.
    /// </summary>
    public static async Task<TagEvidence> ReadAsync(NpgsqlDataSource dataSource, string workspace, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        NpgsqlCommand Query(string sql) => new(sql, connection, transaction) { Parameters = { new() { Value = workspace } } };

        var (taxonomy, version) = (Taxonomy.Empty, 0);
        await using (var reader = await Query("SELECT document::text, version FROM taxonomies WHERE workspace_id = $1").ExecuteReaderAsync(cancellationToken))
            if (await reader.ReadAsync(cancellationToken))
                (taxonomy, version) = (Taxonomies.Parse(reader.GetString(0)), reader.GetInt32(1));

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        string Once(string text) => texts.TryGetValue(text, out var known) ? known : texts[text] = text;
        var zones = new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal);
        var (rows, rates) = (new List<PerformanceRow>(), new List<double>());
        await using (var reader = await Query("""
            SELECT p.publication_id, p.asset_id, p.platform, p.account, p.published_at, coalesce(a.format, a.kind, 'unknown'), z.time_zone,
                   s.score, s.engagement_rate, p.hashtags
            FROM tagged_posts p
            JOIN post_scores s ON s.workspace_id = p.workspace_id AND s.platform = p.platform AND s.external_post_id = p.external_post_id
            LEFT JOIN post_assets a ON a.asset_id = p.asset_id AND a.workspace_id = p.workspace_id
            LEFT JOIN account_zones z ON z.workspace_id = p.workspace_id AND z.platform = p.platform AND z.account = p.account
            WHERE p.workspace_id = $1 AND p.published_at IS NOT NULL AND p.removed_at IS NULL
              AND (s.score IS NOT NULL OR s.engagement_rate IS NOT NULL)
            ORDER BY p.published_at, p.publication_id
            """).ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var (publishedAt, zone) = (reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(6) ? null : Once(reader.GetString(6)));
                var tags = reader.GetFieldValue<string[]>(9).Select(t => Once(taxonomy.Canonical(t))).Distinct(StringComparer.Ordinal).ToArray();
                rows.Add(new PerformanceRow(reader.GetGuid(0), reader.GetGuid(1), Once(reader.GetString(2)), Once(reader.GetString(3)), publishedAt,
                    Once(reader.GetString(5)), zone,
                    Dayparts.Of(publishedAt, zone is null ? TimeZoneInfo.Utc : zones.TryGetValue(zone, out var known) ? known : zones[zone] = Dayparts.Zone(zone)),
                    reader.IsDBNull(7) ? double.NaN : reader.GetDouble(7), tags));
                rates.Add(reader.IsDBNull(8) ? double.NaN : reader.GetDouble(8));
            }
        return new TagEvidence(taxonomy, version, rows, [.. rates]);
    }
}
