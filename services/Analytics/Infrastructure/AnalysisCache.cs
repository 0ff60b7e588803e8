using System.Collections.Concurrent;
using Npgsql;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>
/// Each workspace's live posts with numbers, held in memory between analyses: reading a million posts from PostgreSQL
/// takes seconds, analysing them in memory a fraction of that, and a creator reads trends, best times, top posts and
/// reports of the same library again and again between changes. A copy is used only while nothing it was read from has
/// changed since: every committed change to what the analysis reads notifies its workspace (migration 0005), and
/// <see cref="AnalysisChangesListener"/> turns that into <see cref="Changed"/>. A copy is read under the generation
/// current when its read began, so a change committed during the read retires it as soon as its notification arrives.
/// Requests that find no current copy share one read. While the listener is not listening (starting, or its connection
/// lost) nothing is kept: every analysis reads PostgreSQL. At most <see cref="MaxRows"/> posts are kept over all
/// workspaces (the tables built from them take about a third as much again), the least recently used dropped first.
/// </summary>
public sealed class AnalysisCache(NpgsqlDataSource dataSource, int maxRows = AnalysisCache.DefaultMaxRows)
{
    public const int DefaultMaxRows = 2_000_000;

    private sealed class Entry(long generation, Task<WorkspacePosts> posts)
    {
        public long Generation { get; } = generation;
        public Task<WorkspacePosts> Posts { get; } = posts;
        public long LastUsed;
    }

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long clock;
    private long epoch;
    private volatile bool listening;

    public int MaxRows => maxRows;

    /// <summary>The workspace's current copy, read (once, however many ask at the same time) when there is none.</summary>
    public async Task<WorkspacePosts> PostsAsync(string workspace, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (gate)
        {
            var generation = Generation(workspace);
            if (!listening || !entries.TryGetValue(workspace, out entry!) || entry.Generation != generation || entry.Posts.IsFaulted || entry.Posts.IsCanceled)
            {
                // Off the lock, and not on the caller's cancellation: others may come to wait for the same read.
                entry = new Entry(generation, Task.Run(() => ReadAsync(workspace)));
                if (listening)
                    entries[workspace] = entry;
            }
            entry.LastUsed = ++clock;
        }
        var posts = await entry.Posts.WaitAsync(cancellationToken);
        if (posts.Count > maxRows)
            entries.TryRemove(new KeyValuePair<string, Entry>(workspace, entry));
        else
            Evict();
        return posts;
    }

    /// <summary>A committed change to the workspace's facts: its copy is no longer current.</summary>
    public void Changed(string workspace)
    {
        lock (gate)
        {
            generations[workspace] = generations.GetValueOrDefault(workspace) + 1;
            entries.TryRemove(workspace, out _);
        }
    }

    /// <summary>Whether changes are being heard; when they start or stop being heard every copy is dropped, as any may be stale.</summary>
    public void Listening(bool heard)
    {
        lock (gate)
        {
            listening = heard;
            epoch++;
            generations.Clear();
            entries.Clear();
        }
    }

    private async Task<WorkspacePosts> ReadAsync(string workspace)
    {
        var rows = new List<Domain.AnalysisRow>();
        await foreach (var row in dataSource.StreamAsync(workspace, CancellationToken.None))
            rows.Add(row);
        rows.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt) is var c and not 0 ? c : a.PublicationId.CompareTo(b.PublicationId));
        return new WorkspacePosts(workspace, rows);
    }

    private long Generation(string workspace) => epoch * (1L << 40) + generations.GetValueOrDefault(workspace);

    /// <summary>Drops the least recently used copies until those read hold at most <see cref="MaxRows"/> posts.</summary>
    private void Evict()
    {
        lock (gate)
        {
            var read = entries.Where(e => e.Value.Posts.IsCompletedSuccessfully).OrderBy(e => e.Value.LastUsed).ToList();
            var held = read.Sum(e => (long)e.Value.Posts.Result.Count);
            foreach (var (workspace, entry) in read)
            {
                if (held <= maxRows)
                    break;
                if (entries.TryRemove(new KeyValuePair<string, Entry>(workspace, entry)))
                    held -= entry.Posts.Result.Count;
            }
        }
    }
}
