using System.Collections.Concurrent;
using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>The posts a post is scored against: same workspace, platform, account and format.</summary>
public readonly record struct BaselineGroup(string Workspace, string Platform, string Account, string Format);

/// <summary>
/// Large baselines as this instance last read them. Scoring reads the post's whole baseline, and for a baseline of
/// thousands of posts that read is most of what a resolution costs, while one post more or less moves a percentile there
/// by under 0.1 %. So a baseline of at least <see cref="From"/> posts (and above the workspace's minimum, so no post waits
/// for it) is read at most once per <see cref="MaxAge"/> and shared by every post scored against it meanwhile, its own
/// value among the others; smaller ones are read, and the post's own value left out, exactly each time.
/// </summary>
public sealed class LargeBaselines(TimeProvider clock)
{
    public const int From = 1_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(BaselineGroup Group, string Age), (Baseline Baseline, DateTimeOffset ReadAt)> _read = new();
    private long _nextEviction;

    public static bool Shareable(int posts, ResolutionSettings settings) => posts >= From && posts > settings.MinBaselinePosts;

    public Baseline? Get(BaselineGroup group, string age) =>
        _read.TryGetValue((group, age), out var read) && clock.GetUtcNow() - read.ReadAt < MaxAge ? read.Baseline : null;

    /// <summary>Keeps a baseline read by a committed batch.</summary>
    public void Keep(BaselineGroup group, string age, Baseline baseline)
    {
        var now = clock.GetUtcNow();
        _read[(group, age)] = (baseline, now);
        var due = Interlocked.Read(ref _nextEviction);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextEviction, now.UtcTicks + MaxAge.Ticks, due) != due)
            return;
        // Expired baselines are read again when needed; the memory of those no batch needs any more is let go.
        foreach (var (key, read) in _read)
            if (now - read.ReadAt >= MaxAge)
                _read.TryRemove(key, out _);
    }
}
