namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>A canonical value read from one observation, and the raw fields it came from.</summary>
public sealed record CanonicalValue(double Value, double Uncertainty, IReadOnlyList<string> From);

/// <summary>
/// One observation in canonical terms, with what could not be put in them kept beside it: fields no row maps, mapped
/// fields that were absent, and mapped fields whose value is not a count (stored before a row gave the field a meaning).
/// </summary>
public sealed record NormalizedReading(
    IReadOnlyDictionary<string, CanonicalValue> Lifetime,
    IReadOnlyDictionary<(string Metric, MetricScope Scope), CanonicalValue> Windowed,
    IReadOnlyList<string> Unmapped,
    IReadOnlyList<string> Absent,
    IReadOnlyDictionary<string, string> Invalid);

/// <summary>
/// Puts a raw observation in canonical terms with the mapping rows in force when it was observed. Each field is scaled
/// (minutes to seconds, say) and kept to its scope; fields that name parts of one total are added, other names for the
/// same total give the largest, and when both kinds are there the larger of the two stands.
/// </summary>
public static class MetricNormalizer
{
    public static NormalizedReading Normalize(MappingSet mappings, string platform, DateTimeOffset observedAt,
        IReadOnlyDictionary<string, RawValue> raw)
    {
        var parts = new Dictionary<(string, MetricScope), List<(MetricMapping Row, RawValue Value, string RawName)>>();
        var unmapped = new List<string>();
        var absent = new List<string>();
        var invalid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rawName, value) in raw.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (mappings.InForce(platform, rawName, observedAt) is not { } row)
                unmapped.Add(rawName); // kept as it came, text included
            else if (value.Kind == RawValueKind.Invalid)
                invalid[rawName] = value.Problem!;
            else if (value.Kind == RawValueKind.Absent)
                absent.Add(rawName);
            else
            {
                var key = (row.Canonical, row.Scope);
                if (!parts.TryGetValue(key, out var list))
                    parts[key] = list = [];
                list.Add((row, value, rawName));
            }
        }
        var lifetime = new Dictionary<string, CanonicalValue>(StringComparer.Ordinal);
        var windowed = new Dictionary<(string, MetricScope), CanonicalValue>();
        foreach (var ((metric, scope), fields) in parts)
        {
            var combined = Combine(fields);
            if (scope == MetricScope.Lifetime)
                lifetime[metric] = combined;
            else
                windowed[(metric, scope)] = combined;
        }
        return new NormalizedReading(lifetime, windowed, unmapped, absent, invalid);
    }

    private static CanonicalValue Combine(List<(MetricMapping Row, RawValue Value, string RawName)> fields)
    {
        var sum = fields.Where(f => f.Row.Combine == MappingCombine.Sum).ToList();
        var alternatives = fields.Where(f => f.Row.Combine == MappingCombine.Max).ToList();
        CanonicalValue? total = sum.Count == 0 ? null : new CanonicalValue(
            sum.Sum(f => f.Value.Value * f.Row.Multiplier), sum.Sum(f => f.Value.Uncertainty * f.Row.Multiplier), sum.Select(f => f.RawName).ToList());
        var largest = alternatives.Count == 0 ? default : alternatives.MaxBy(f => f.Value.Value * f.Row.Multiplier);
        CanonicalValue? alternative = alternatives.Count == 0 ? null : new CanonicalValue(
            largest.Value.Value * largest.Row.Multiplier, largest.Value.Uncertainty * largest.Row.Multiplier, [largest.RawName]);
        return total is null ? alternative!
            : alternative is null || total.Value >= alternative.Value ? total
            : alternative;
    }
}
