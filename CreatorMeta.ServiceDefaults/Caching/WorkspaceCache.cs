using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CreatorMeta.ServiceDefaults.Caching;

/// <summary>
/// Each workspace's copy of what a service analyses, held in memory between analyses: reading a million posts from
/// PostgreSQL takes seconds, analysing them in memory a fraction of that, and a creator asks about the same library
/// again and again between changes (decision 0013).
/// <list type="bullet">
/// <item>A copy is used only while nothing it was read from has changed: every committed change notifies its workspace
/// (the service's triggers), and <see cref="WorkspaceChangesListener{TCopy}"/> calls <see cref="Changed"/>. A copy is
/// read under the generation current when its read began, so a change committed during the read retires it.</item>
/// <item>Requests that find no current copy share one read. While the listener is not listening (starting, or its
/// connection lost) nothing is kept, but requests that arrive during a read still share it.</item>
/// <item>Copies hold at most <see cref="MaxSize"/> (their <see cref="IWorkspaceCopy.Size"/>) in all, the least recently used dropped first.</item>
/// <item>A copy a request used within <see cref="RecentUse"/> that a change retires is read again in the background once
/// the changes settle (none for <see cref="Settle"/>, or <see cref="LongestWait"/> into a burst), with what it had
/// prepared, so the creator who asks next does not wait for the read; a workspace nobody is reading is not read again.</item>
/// </list>
/// </summary>
public sealed class WorkspaceCache<TCopy>(Func<string, CancellationToken, Task<TCopy>> read, ILogger<WorkspaceCache<TCopy>> logger, int maxSize)
    : IDisposable
    where TCopy : class, IWorkspaceCopy
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RecentUse = TimeSpan.FromMinutes(10);

    /// <summary>A copy read (or being read) under a generation, with what a background read prepares on it.</summary>
    private sealed class Entry(long generation, Task<TCopy> copy, IReadOnlyCollection<object> prepared)
    {
        public long Generation { get; } = generation;
        public Task<TCopy> Copy { get; } = copy;
        public IReadOnlyCollection<object> Prepared { get; } = prepared;
        public long RequestedAt;
        public long LastUsed;
    }

    /// <summary>A retired copy's use and preparations, waiting for its workspace's changes to settle before it is read again.</summary>
    private sealed class Refresh(Entry retired)
    {
        public long FirstChange { get; } = Stopwatch.GetTimestamp();
        public long LastChange = Stopwatch.GetTimestamp();
        public (long RequestedAt, long LastUsed) Use { get; } = (retired.RequestedAt, retired.LastUsed);
        public IReadOnlyCollection<object> Prepared { get; } = retired.Copy.IsCompletedSuccessfully ? retired.Copy.Result.Prepared : retired.Prepared;
    }

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> unkept = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> generations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Refresh> refreshes = new(StringComparer.Ordinal);
    private readonly HashSet<string> oversized = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private long clock;
    private long epoch;
    private bool listening;

    public int MaxSize => maxSize;

    /// <summary>The workspace's current copy, read (once, however many ask at the same time) when there is none.</summary>
    public async Task<TCopy> CopyAsync(string workspace, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (gate)
        {
            if (listening)
            {
                if (!entries.TryGetValue(workspace, out entry!) || entry.Generation != Generation(workspace) || entry.Copy.IsFaulted || entry.Copy.IsCanceled)
                    entries[workspace] = entry = StartRead(workspace, "for a request", []);
            }
            else if (!unkept.TryGetValue(workspace, out entry!) || entry.Copy.IsCompleted)
            {
                unkept[workspace] = entry = StartRead(workspace, "for a request", []);
                var shared = entry;
                entry.Copy.ContinueWith(_ =>
                {
                    lock (gate)
                        if (unkept.GetValueOrDefault(workspace) == shared)
                            unkept.Remove(workspace);
                }, TaskScheduler.Default);
            }
            entry.RequestedAt = Stopwatch.GetTimestamp();
            entry.LastUsed = ++clock;
        }
        return await KeptAsync(workspace, entry, cancellationToken);
    }

    /// <summary>A committed change to the workspace's facts: its copy is no longer current.</summary>
    public void Changed(string workspace)
    {
        lock (gate)
            RetireLocked(workspace);
    }

    /// <summary>
    /// The caller knows <paramref name="stale"/> misses a committed change it has not been told about yet (its own write,
    /// say, whose notification is on its way): the copy is retired, unless a read after it has begun already, so that many
    /// requests finding the same stale copy start one read, not one each.
    /// </summary>
    public void Retire(string workspace, TCopy stale)
    {
        lock (gate)
        {
            if (entries.TryGetValue(workspace, out var entry) && entry.Copy.IsCompletedSuccessfully && entry.Copy.Result == stale)
                RetireLocked(workspace);
            if (unkept.TryGetValue(workspace, out entry) && entry.Copy.IsCompletedSuccessfully && entry.Copy.Result == stale)
                unkept.Remove(workspace);
        }
    }

    /// <summary>Retires the workspace's copy, reading it again in the background if it was in use (under the lock).</summary>
    private void RetireLocked(string workspace)
    {
        generations[workspace] = generations.GetValueOrDefault(workspace) + 1;
        entries.TryRemove(workspace, out var retired);
        if (refreshes.TryGetValue(workspace, out var refresh))
            refresh.LastChange = Stopwatch.GetTimestamp();
        else if (retired is not null && listening && Stopwatch.GetElapsedTime(retired.RequestedAt) < RecentUse && !oversized.Contains(workspace))
        {
            refreshes[workspace] = refresh = new Refresh(retired);
            _ = RefreshAsync(workspace, refresh);
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
                        return; // nothing may be kept, or a request has begun the read already
                    entries[workspace] = entry = StartRead(workspace, "after changes settled", refresh.Prepared);
                    (entry.RequestedAt, entry.LastUsed) = refresh.Use;
                }
            }
            var copy = await KeptAsync(workspace, entry, stopping.Token);
            if (!entries.TryGetValue(workspace, out var current) || current != entry)
                return; // retired while it was read: the next refresh has it
            foreach (var what in refresh.Prepared)
                copy.Prepare(what);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing is lost: the next request reads the workspace itself.
            logger.LogWarning(e, "Reading workspace {Workspace} after its changes failed; the next request reads it.", workspace);
        }
    }

    /// <summary>A read off the lock, and not on any caller's cancellation: others may come to wait for the same read.</summary>
    private Entry StartRead(string workspace, string why, IReadOnlyCollection<object> prepared) =>
        new(Generation(workspace), Task.Run(() => ReadAsync(workspace, why)), prepared);

    private async Task<TCopy> ReadAsync(string workspace, string why)
    {
        var started = Stopwatch.GetTimestamp();
        var copy = await read(workspace, stopping.Token);
        logger.LogInformation("Read workspace {Workspace} {Why}: {Size} rows in {Milliseconds:0} ms.", workspace, why, copy.Size,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return copy;
    }

    /// <summary>The entry's copy once read; a workspace too large to keep is dropped, and otherwise the least recently used beyond the cap.</summary>
    private async Task<TCopy> KeptAsync(string workspace, Entry entry, CancellationToken cancellationToken)
    {
        var copy = await entry.Copy.WaitAsync(cancellationToken);
        lock (gate)
        {
            if (copy.Size > maxSize)
            {
                oversized.Add(workspace);
                entries.TryRemove(new KeyValuePair<string, Entry>(workspace, entry));
            }
            else
                oversized.Remove(workspace);
            Evict();
        }
        return copy;
    }

    private long Generation(string workspace) => epoch * (1L << 40) + generations.GetValueOrDefault(workspace);

    /// <summary>Drops the least recently used copies until those read hold at most <see cref="MaxSize"/> (under the lock).</summary>
    private void Evict()
    {
        var read = entries.Where(e => e.Value.Copy.IsCompletedSuccessfully).OrderBy(e => e.Value.LastUsed).ToList();
        var held = read.Sum(e => (long)e.Value.Copy.Result.Size);
        foreach (var (workspace, entry) in read)
        {
            if (held <= maxSize)
                break;
            if (entries.TryRemove(new KeyValuePair<string, Entry>(workspace, entry)))
                held -= entry.Copy.Result.Size;
        }
    }

    /// <summary>Stops background reads at shutdown (the token stays valid for those still winding down).</summary>
    public void Dispose() => stopping.Cancel();
}
