using System.Collections.Concurrent;
using System.Diagnostics;
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
/// <para>
/// A copy retired by a change is read again in the background once the workspace's changes settle (no change for
/// <see cref="Settle"/>, or <see cref="LongestWait"/> into a burst that keeps going), with the tables the retired copy
/// had: reading a million posts takes seconds, and the creator who asks next should not be the one who waits for it.
/// </para>
/// </summary>
public sealed class AnalysisCache(NpgsqlDataSource dataSource, ILogger<AnalysisCache> logger, int maxRows = AnalysisCache.DefaultMaxRows)
    : IDisposable
{
    public const int DefaultMaxRows = 2_000_000;
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    /// <summary>A workspace whose retired copy will be read again once its changes settle, with the tables it had.</summary>
    private sealed class Refresh(IReadOnlyCollection<string> metrics)
    {
        public long FirstChange { get; } = Stopwatch.GetTimestamp();
        public long LastChange = Stopwatch.GetTimestamp();
        public IReadOnlyCollection<string> Metrics { get; } = metrics;
    }

    /// <summary>A copy read (or being read) under a generation; <see cref="Metrics"/> are the tables a refresh will build on it.</summary>
    private sealed class Entry(long generation, Task<WorkspacePosts> posts, IReadOnlyCollection<string> metrics)
    {
        public long Generation { get; } = generation;
        public Task<WorkspacePosts> Posts { get; } = posts;
        public IReadOnlyCollection<string> Metrics { get; } = metrics;
        public long LastUsed;
    }

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> generations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Refresh> refreshes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
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
                entry = StartRead(workspace, "for a request", []);
                if (listening)
                    entries[workspace] = entry;
            }
            entry.LastUsed = ++clock;
        }
        return await KeptAsync(workspace, entry, cancellationToken);
    }

    /// <summary>A committed change to the workspace's facts: its copy is no longer current, and will be read again once changes settle.</summary>
    public void Changed(string workspace)
    {
        lock (gate)
        {
            generations[workspace] = generations.GetValueOrDefault(workspace) + 1;
            entries.TryRemove(workspace, out var retired);
            if (refreshes.TryGetValue(workspace, out var refresh))
                refresh.LastChange = Stopwatch.GetTimestamp();
            else if (retired is not null && listening)
            {
                refreshes[workspace] = refresh = new Refresh(retired.Posts.IsCompletedSuccessfully ? retired.Posts.Result.TabledMetrics : retired.Metrics);
                _ = RefreshAsync(workspace, refresh);
            }
        }
    }

    private async Task RefreshAsync(string workspace, Refresh refresh)
    {
        try
        {
            Entry? entry = null;
            while (entry is null)
            {
                await Task.Delay(Settle, stopping.Token);
                lock (gate)
                {
                    if (Stopwatch.GetElapsedTime(refresh.LastChange) < Settle && Stopwatch.GetElapsedTime(refresh.FirstChange) < LongestWait)
                        continue;
                    refreshes.Remove(workspace);
                    if (!listening || entries.ContainsKey(workspace))
                        return; // a request has already begun the read, or nothing may be kept
                    entries[workspace] = entry = StartRead(workspace, "after changes settled", refresh.Metrics);
                    entry.LastUsed = ++clock;
                }
            }
            var posts = await KeptAsync(workspace, entry, stopping.Token);
            foreach (var metric in refresh.Metrics)
                posts.Table(AnalysisScope.All(workspace), metric);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing is lost: the next request reads the workspace itself.
            logger.LogDebug(e, "Reading the analysis of workspace {Workspace} after its changes failed.", workspace);
        }
    }

    /// <summary>Reads off the lock, and not on the caller's cancellation: others may come to wait for the same read.</summary>
    private Entry StartRead(string workspace, string why, IReadOnlyCollection<string> metrics) =>
        new(Generation(workspace), Task.Run(() => ReadAsync(workspace, why)), metrics);

    private async Task<WorkspacePosts> KeptAsync(string workspace, Entry entry, CancellationToken cancellationToken)
    {
        var posts = await entry.Posts.WaitAsync(cancellationToken);
        if (posts.Count > maxRows)
            entries.TryRemove(new KeyValuePair<string, Entry>(workspace, entry));
        else
            Evict();
        return posts;
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

    private async Task<WorkspacePosts> ReadAsync(string workspace, string why)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = new List<Domain.AnalysisRow>();
        await foreach (var row in dataSource.StreamAsync(workspace, CancellationToken.None))
            rows.Add(row);
        rows.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt) is var c and not 0 ? c : a.PublicationId.CompareTo(b.PublicationId));
        logger.LogInformation("Read the analysis of workspace {Workspace} {Why}: {Posts} posts in {Milliseconds:0} ms.", workspace, why, rows.Count,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new WorkspacePosts(workspace, rows);
    }

    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
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
