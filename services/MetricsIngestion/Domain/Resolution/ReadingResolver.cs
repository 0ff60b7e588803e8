using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// Resolves a post's readings, oldest first, into current values. A reading from the source the value stands on, or from
/// a more trusted one, replaces it; a less trusted source only raises it, and only by more than its own rounding, because
/// a lifetime counter does not shrink: a smaller number from it is an older or coarser view. When the source a value
/// stands on itself says less by more than the rounding of both readings, the counter really went down (likes removed,
/// spam purged): the lower value stands and the decrease is marked. Whenever another source's reading is smaller than the
/// value held, by more than the margin, the two are flagged as a conflict, both values kept, whichever stands.
/// Gauges (the audience) and windowed values simply take the latest reading, the more trusted source at the same time.
/// </summary>
public static class ReadingResolver
{
    public static Resolution Resolve(IEnumerable<Reading> readings, ResolutionSettings settings)
    {
        var current = new Dictionary<string, ResolvedValue>(StringComparer.Ordinal);
        var windowed = new Dictionary<(string, MetricScope), WindowedValue>();
        var decreases = new List<Decrease>();
        var conflicts = new Dictionary<(string, string, string), Conflict>();
        var curve = new List<CurvePoint>();
        // Oldest first; at one instant the less trusted first, so the more trusted has the last word.
        var ordered = readings.OrderBy(r => r.ObservedAt).ThenByDescending(r => settings.Rank(r.Source)).ThenBy(r => r.ObservationId).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var reading = ordered[i];
            foreach (var (metric, value) in reading.Values.Lifetime)
            {
                var candidate = new ResolvedValue(value.Value, value.Uncertainty, reading.Source, reading.ObservedAt);
                current[metric] = CanonicalMetrics.Get(metric).Kind == MetricKind.Gauge || !current.TryGetValue(metric, out var held)
                    ? candidate
                    : Counter(metric, held, candidate, settings, decreases, conflicts);
            }
            foreach (var ((metric, scope), value) in reading.Values.Windowed)
                windowed[(metric, scope)] = new WindowedValue(metric, scope.Name(), value.Value, reading.Source, reading.ObservedAt);
            if (i == ordered.Count - 1 || ordered[i + 1].ObservedAt != reading.ObservedAt)
                curve.Add(new CurvePoint(reading.ObservedAt, current
                    .Where(c => CanonicalMetrics.Get(c.Key).Kind == MetricKind.Counter).ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal)));
        }
        return new Resolution(current, [.. windowed.Values.OrderBy(w => w.Metric).ThenBy(w => w.Scope)], decreases,
            [.. conflicts.Values.OrderBy(c => c.Metric).ThenBy(c => c.Kept.Source).ThenBy(c => c.Other.Source)], curve);
    }

    private static ResolvedValue Counter(string metric, ResolvedValue held, ResolvedValue candidate, ResolutionSettings settings,
        List<Decrease> decreases, Dictionary<(string, string, string), Conflict> conflicts)
    {
        var rounding = held.Uncertainty + candidate.Uncertainty;
        if (candidate.Source == held.Source)
        {
            if (candidate.Value >= held.Value)
                return candidate;
            if (held.Value - candidate.Value <= rounding)
                return held with { ObservedAt = candidate.ObservedAt }; // the same count, shown rounded another way
            decreases.Add(new Decrease(metric, held.Value, candidate.Value, candidate.Source, candidate.ObservedAt));
            return candidate;
        }
        var moreTrusted = settings.Rank(candidate.Source) < settings.Rank(held.Source);
        var taken = moreTrusted || candidate.Value - candidate.Uncertainty > held.Value;
        // A later, smaller reading from another source contradicts a counter; a larger one is only growth.
        if (held.Value - candidate.Value > rounding)
            FlagIfApart(metric, taken ? candidate : held, taken ? held : candidate, settings.ConflictMargin, conflicts);
        return taken ? candidate : held;
    }

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
