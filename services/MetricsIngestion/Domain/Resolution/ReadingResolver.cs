using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// Resolves a post's readings, oldest first, into current values. A reading from the source a value stands on, or from
/// a more trusted one, replaces it; a less trusted source only raises it, and only by more than its own rounding, because
/// a lifetime counter does not shrink: a smaller number from it is an older or coarser view. When a source says less
/// than it said itself before, by more than the rounding of both readings, the counter really went down (likes removed,
/// spam purged) and the decrease is marked; but no source takes a counter below what a more trusted one last read. A
/// reading smaller than the value held from another source, or read at the same moment and different either way, by more
/// than the margin, is flagged as a conflict with both values, whichever stands. Gauges (the audience) and windowed values simply take the latest reading, the more trusted
/// source at the same time.
/// </summary>
public static class ReadingResolver
{
    public static Resolution Resolve(IEnumerable<Reading> readings, ResolutionSettings settings)
    {
        var current = new Dictionary<string, ResolvedValue>(StringComparer.Ordinal);
        var bySource = new Dictionary<(string Metric, string Source), ResolvedValue>();
        var windowed = new Dictionary<(string, MetricScope), WindowedValue>();
        var decreases = new List<Decrease>();
        var conflicts = new Dictionary<(string, string, string), Conflict>();
        var curve = new List<CurvePoint>();
        var read = new SortedSet<string>(StringComparer.Ordinal);
        // Oldest first; at one instant the less trusted first, so the more trusted has the last word.
        var ordered = readings.OrderBy(r => r.ObservedAt).ThenByDescending(r => settings.Rank(r.Source)).ThenBy(r => r.ObservationId).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var reading = ordered[i];
            foreach (var (metric, value) in reading.Values.Lifetime)
            {
                var candidate = new ResolvedValue(value.Value, value.Uncertainty, reading.Source, reading.ObservedAt);
                var gauge = CanonicalMetrics.Get(metric).Kind == MetricKind.Gauge;
                current[metric] = gauge || !current.TryGetValue(metric, out var held)
                    ? candidate
                    : Counter(metric, held, candidate, bySource, settings, decreases, conflicts);
                bySource[(metric, reading.Source)] = candidate;
                if (!gauge)
                    read.Add(metric);
            }
            foreach (var ((metric, scope), value) in reading.Values.Windowed)
                windowed[(metric, scope)] = new WindowedValue(metric, scope.Name(), value.Value, reading.Source, reading.ObservedAt);
            if (i < ordered.Count - 1 && ordered[i + 1].ObservedAt == reading.ObservedAt)
                continue;
            curve.Add(new CurvePoint(reading.ObservedAt, current.Where(c => CanonicalMetrics.Get(c.Key).Kind == MetricKind.Counter)
                .ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal), [.. read]));
            read.Clear();
        }
        return new Resolution(current, [.. windowed.Values.OrderBy(w => w.Metric).ThenBy(w => w.Scope)], decreases,
            [.. conflicts.Values.OrderBy(c => c.Metric).ThenBy(c => c.Kept.Source).ThenBy(c => c.Other.Source)], curve);
    }

    private static ResolvedValue Counter(string metric, ResolvedValue held, ResolvedValue candidate,
        Dictionary<(string Metric, string Source), ResolvedValue> bySource, ResolutionSettings settings, List<Decrease> decreases,
        Dictionary<(string, string, string), Conflict> conflicts)
    {
        var rank = settings.Rank(candidate.Source);
        var taken = candidate.Source == held.Source || rank < settings.Rank(held.Source) || candidate.Value - candidate.Uncertainty > held.Value;
        if (taken && candidate.Source == held.Source && held.Value - candidate.Value <= held.Uncertainty + candidate.Uncertainty)
            return candidate.Value >= held.Value ? candidate : held with { ObservedAt = candidate.ObservedAt }; // rounding, not a change
        // A more trusted source's latest reading is a floor no other source takes the counter below.
        var floor = bySource.Where(s => s.Key.Metric == metric && settings.Rank(s.Key.Source) < rank)
            .Select(s => s.Value).OrderByDescending(v => v.ObservedAt).FirstOrDefault();
        if (taken && floor is not null && Below(candidate, floor))
        {
            FlagIfApart(metric, floor, candidate, settings.ConflictMargin, conflicts);
            return floor;
        }
        if (taken && bySource.TryGetValue((metric, candidate.Source), out var own) && Below(candidate, own))
            decreases.Add(new Decrease(metric, own.Value, candidate.Value, candidate.Source, candidate.ObservedAt));
        // A later, smaller reading from another source contradicts a counter; a larger one is only growth, unless the two
        // were read at the same moment.
        if (candidate.Source != held.Source && (Below(candidate, held) || (candidate.ObservedAt == held.ObservedAt && Below(held, candidate))))
            FlagIfApart(metric, taken ? candidate : held, taken ? held : candidate, settings.ConflictMargin, conflicts);
        return taken ? candidate : held;
    }

    /// <summary>Less than <paramref name="than"/> by more than the rounding of both readings.</summary>
    private static bool Below(ResolvedValue value, ResolvedValue than) => than.Value - value.Value > than.Uncertainty + value.Uncertainty;

    private static void FlagIfApart(string metric, ResolvedValue kept, ResolvedValue other, double margin,
        Dictionary<(string, string, string), Conflict> conflicts)
    {
        var difference = Math.Abs(kept.Value - other.Value) / Math.Max(kept.Value, other.Value);
        if (difference <= margin)
            return;
        var key = (metric, kept.Source, other.Source);
        var occurrences = conflicts.TryGetValue(key, out var earlier) ? earlier.Occurrences + 1 : 1;
        conflicts[key] = new Conflict(metric, new ConflictSide(kept.Value, kept.Source, kept.ObservedAt),
            new ConflictSide(other.Value, other.Source, other.ObservedAt), Math.Round(difference, 6), occurrences);
    }
}
