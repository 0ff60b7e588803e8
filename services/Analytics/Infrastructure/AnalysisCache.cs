using System.Collections.Concurrent;
using CreatorMeta.Analytics.Domain;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>
/// Each workspace's live posts with numbers, held in memory between analyses: reading a million posts from PostgreSQL
/// takes seconds, analysing them in memory a fraction of that, and a creator reads trends, best times, top posts and
/// reports of the same library again and again between changes. A copy is used only while nothing it was read from has
/// changed since: every committed change to the facts notifies its workspace (migration 0005), and
/// <see cref="AnalysisChangesListener"/> turns that into <see cref="Changed"/>. A copy taken while a change was on its way is
/// kept with the generation it started from, so the notification that follows retires it. While the listener is not
/// listening (starting, or its connection lost) nothing is cached: every analysis reads PostgreSQL.
/// At most <see cref="MaxRows"/> posts are held over all workspaces, the least recently used dropped first.
/// </summary>
public sealed class AnalysisCache(int maxRows = AnalysisCache.DefaultMaxRows)
{
    public const int DefaultMaxRows = 2_000_000;

    /// <summary>A workspace's rows, and the tables of the whole workspace built from them, one per metric, as asked for.</summary>
    private sealed record Entry(long Generation, IReadOnlyList<AnalysisRow> Rows)
    {
        public long LastUsed;
        public ConcurrentDictionary<string, Lazy<AnalysisTable>> Tables { get; } = new(StringComparer.Ordinal);
    }

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);
    private readonly Lock eviction = new();
    private long clock;
    private long epoch;
    private volatile bool listening;

    public int MaxRows => maxRows;

    /// <summary>The posts in scope, in publication order: from the workspace's copy when it is current, else read (and kept).</summary>
    public async Task<IEnumerable<AnalysisRow>> RowsAsync(AnalyticsDb db, AnalysisScope scope, CancellationToken cancellationToken)
    {
        var rows = (await WorkspaceRowsAsync(db, scope.Workspace, cancellationToken)).Rows;
        return rows.Where(r => (scope.Platform is null || r.Platform == scope.Platform) && (scope.Account is null || r.Account == scope.Account)
            && (scope.From is null || r.PublishedAt >= scope.From) && (scope.To is null || r.PublishedAt < scope.To));
    }

    /// <summary>
    /// The scope's posts as a table for the statistics on <paramref name="metric"/>. The whole workspace's table is kept
    /// with its rows, so analysing an unchanged library again starts from the table, not from the rows.
    /// </summary>
    public async Task<AnalysisTable> TableAsync(AnalyticsDb db, AnalysisScope scope, string metric, CancellationToken cancellationToken)
    {
        if (scope is not { Platform: null, Account: null, From: null, To: null })
            return AnalysisTable.Of(metric, await RowsAsync(db, scope, cancellationToken));
        var entry = await WorkspaceRowsAsync(db, scope.Workspace, cancellationToken);
        return entry.Tables.GetOrAdd(metric, m => new Lazy<AnalysisTable>(() => AnalysisTable.Of(m, entry.Rows))).Value;
    }

    private async Task<Entry> WorkspaceRowsAsync(AnalyticsDb db, string workspace, CancellationToken cancellationToken)
    {
        var generation = Generation(workspace);
        if (listening && entries.TryGetValue(workspace, out var entry) && entry.Generation == generation)
        {
            entry.LastUsed = Interlocked.Increment(ref clock);
            return entry;
        }
        var cacheable = listening;
        var rows = new List<AnalysisRow>();
        await foreach (var row in db.StreamAsync(new AnalysisScope(workspace, null, null, null, null), cancellationToken))
            rows.Add(row);
        entry = new Entry(generation, rows) { LastUsed = Interlocked.Increment(ref clock) };
        if (cacheable && listening && rows.Count <= maxRows)
            Keep(workspace, entry);
        return entry;
    }

    /// <summary>A committed change to the workspace's facts: its copy is no longer current.</summary>
    public void Changed(string workspace)
    {
        generations.AddOrUpdate(workspace, 1, (_, g) => g + 1);
        entries.TryRemove(workspace, out _);
    }

    /// <summary>Whether changes are being heard; when they stop being heard every copy is dropped, as any may have gone stale.</summary>
    public void Listening(bool heard)
    {
        listening = heard;
        Interlocked.Increment(ref epoch);
        entries.Clear();
    }

    private long Generation(string workspace) => Interlocked.Read(ref epoch) * (1L << 40) + generations.GetValueOrDefault(workspace);

    private void Keep(string workspace, Entry entry)
    {
        lock (eviction)
        {
            entries[workspace] = entry;
            var held = entries.Values.Sum(e => e.Rows.Count);
            foreach (var (name, old) in entries.OrderBy(e => e.Value.LastUsed).ToList())
            {
                if (held <= maxRows)
                    break;
                if (entries.TryRemove(name, out _))
                    held -= old.Rows.Count;
            }
        }
    }
}
