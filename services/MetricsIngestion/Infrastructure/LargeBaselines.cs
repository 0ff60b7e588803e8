using System.Collections.Concurrent;
using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>The posts a post is scored against: same workspace, platform, account and format.</summary>
public readonly record struct BaselineGroup(string Workspace, string Platform, string Account, string Format);

/// <summary>
/// Large baselines as this instance last read them. Scoring reads the post's whole baseline, and for a baseline of
/// thousands of posts that read is most of what a resolution costs, while one post more or less moves a percentile there
/// by under 0.1 %. So a baseline of at least <see cref="From"/> posts is read at most once per <see cref="MaxAge"/> and
/// shared by every post scored against it meanwhile (its own value among them); smaller ones, which every post waiting
/// for its baseline has, are read exactly each time.
/// </summary>
public sealed class LargeBaselines(TimeProvider clock)
{
    public const int From = 1_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(BaselineGroup Group, string Age), (Baseline Baseline, DateTimeOffset ReadAt)> _read = new();
    private DateTimeOffset _lastSwept;

    public Baseline? Get(BaselineGroup group, string age) =>
        _read.TryGetValue((group, age), out var read) && clock.GetUtcNow() - read.ReadAt < MaxAge ? read.Baseline : null;

    /// <summary>Keeps a baseline just read when it is large, and returns it; null when it is small.</summary>
    public Baseline? Keep(BaselineGroup group, string age, double[] values)
    {
        if (values.Length < From)
            return null;
        var now = clock.GetUtcNow();
        var baseline = Baseline.Of(values);
        _read[(group, age)] = (baseline, now);
        if (now - _lastSwept > MaxAge)
        {
            // Expired baselines are read again when needed; the memory of those no batch needs any more is let go.
            _lastSwept = now;
            foreach (var (key, read) in _read)
                if (now - read.ReadAt >= MaxAge)
                    _read.TryRemove(key, out _);
        }
        return baseline;
    }
}
