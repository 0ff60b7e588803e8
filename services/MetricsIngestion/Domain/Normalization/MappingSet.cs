namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>The mapping rows one workspace resolves with: its own rows, then the built-in ones, per platform field.</summary>
public sealed class MappingSet
{
    private readonly Dictionary<(string Platform, string RawName), MetricMapping[]> _rows;

    public MappingSet(IEnumerable<MetricMapping> rows) =>
        // A workspace's own rows first, so the first row in force is the one that applies.
        _rows = rows.GroupBy(r => (r.Platform, r.RawName))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.WorkspaceId is null).ThenByDescending(r => r.EffectiveFrom).ToArray());

    /// <summary>The row that says what <paramref name="rawName"/> meant on <paramref name="platform"/> at <paramref name="time"/>, if any.</summary>
    public MetricMapping? InForce(string platform, string rawName, DateTimeOffset time) =>
        _rows.TryGetValue((platform, rawName), out var rows) ? Array.Find(rows, r => r.InForceAt(time)) : null;
}
