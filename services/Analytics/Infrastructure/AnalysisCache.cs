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

    private sealed record Entry(long Generation, IReadOnlyList<AnalysisRow> Rows)
    {
        public long LastUsed;
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
        var rows = await WorkspaceRowsAsync(db, scope.Workspace, cancellationToken);
        return rows.Where(r => (scope.Platform is null || r.Platform == scope.Platform) && (scope.Account is null || r.Account == scope.Account)
            && (scope.From is null || r.PublishedAt >= scope.From) && (scope.To is null || r.PublishedAt < scope.To));
    }

    private async Task<IReadOnlyList<AnalysisRow>> WorkspaceRowsAsync(AnalyticsDb db, string workspace, CancellationToken cancellationToken)
    {
        var generation = Generation(workspace);
        if (listening && entries.TryGetValue(workspace, out var entry) && entry.Generation == generation)
        {
            entry.LastUsed = Interlocked.Increment(ref clock);
            return entry.Rows;
        }
        var cacheable = listening;
        var rows = new List<AnalysisRow>();
        await foreach (var row in db.StreamAsync(new AnalysisScope(workspace, null, null, null, null), cancellationToken))
            rows.Add(row);
        if (cacheable && listening && rows.Count <= maxRows)
            Keep(workspace, new Entry(generation, rows) { LastUsed = Interlocked.Increment(ref clock) });
        return rows;
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
