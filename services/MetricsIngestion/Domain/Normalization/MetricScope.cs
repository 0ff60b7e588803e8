namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>
/// What span a raw value covers. A lifetime value is a running total at the time it was read; a windowed one counts only
/// its day, week or 28 days. The two are never added to each other: a daily view count is not a step of the lifetime one.
/// </summary>
public enum MetricScope { Lifetime, Day, Week, Days28 }

public static class MetricScopes
{
    public static string Name(this MetricScope scope) => scope switch
    {
        MetricScope.Day => "day",
        MetricScope.Week => "week",
        MetricScope.Days28 => "days_28",
        _ => "lifetime",
    };

    public static MetricScope? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "lifetime" => MetricScope.Lifetime,
        "day" => MetricScope.Day,
        "week" => MetricScope.Week,
        "days_28" => MetricScope.Days28,
        _ => null,
    };

    public const string MustBeOneOf = "must be one of: lifetime, day, week, days_28.";
}
