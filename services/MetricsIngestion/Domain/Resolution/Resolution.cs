namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>A metric's current value, and the reading it stands on.</summary>
public sealed record ResolvedValue(double Value, double Uncertainty, string Source, DateTimeOffset ObservedAt);

/// <summary>The same source said less than it said before, by more than its rounding: likes removed, a spam purge.</summary>
public sealed record Decrease(string Metric, double From, double To, string Source, DateTimeOffset ObservedAt);

public sealed record ConflictSide(double Value, string Source, DateTimeOffset ObservedAt);

/// <summary>
/// Two sources disagree by more than the workspace's margin: the value kept and the other one, the latest time it
/// happened, and how often it did.
/// </summary>
public sealed record Conflict(string Metric, ConflictSide Kept, ConflictSide Other, double Difference, int Occurrences);

/// <summary>The value of a day, week or 28 days, as last read; never part of a lifetime total.</summary>
public sealed record WindowedValue(string Metric, string Scope, double Value, string Source, DateTimeOffset ObservedAt);

/// <summary>
/// The resolved lifetime counters as they stood after the readings of one moment, and which of them were read then (the
/// others are carried from earlier readings).
/// </summary>
public sealed record CurvePoint(DateTimeOffset ObservedAt, IReadOnlyDictionary<string, double> Values, IReadOnlyList<string> Read);

public sealed record Resolution(
    IReadOnlyDictionary<string, ResolvedValue> Current,
    IReadOnlyList<WindowedValue> Windowed,
    IReadOnlyList<Decrease> Decreases,
    IReadOnlyList<Conflict> Conflicts,
    IReadOnlyList<CurvePoint> Curve);
