namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// One live publication with numbers, as the analysis sees it: where and when it went out (weekday and hour in its
/// account's zone, as its audience saw them), what its asset is, its baseline-relative score and its engagement rate.
/// </summary>
public sealed record AnalysisRow(
    Guid PublicationId,
    Guid AssetId,
    string Platform,
    string Account,
    DateTimeOffset PublishedAt,
    string TimeZone,
    DayOfWeek Weekday,
    int Hour,
    string Kind,
    string? Format,
    double? DurationSeconds,
    string? Language,
    int CaptionLength,
    int HashtagCount,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> VisualElements,
    double? Score,
    double? EngagementRate,
    string? EngagementRateDefinition = null)
{
    /// <summary>The metric an analysis runs on unless a request names another: the baseline score.</summary>
    public const string DefaultMetric = "score";

    /// <summary>The metrics the analysis can be run on, by the name a request gives.</summary>
    public static readonly IReadOnlyList<string> Metrics = [DefaultMetric, "engagementRate"];

    /// <summary>A post's value on <paramref name="metric"/> (one of <see cref="Metrics"/>), from its score and engagement rate.</summary>
    public static double? ValueOf(string metric, double? score, double? engagementRate) => metric switch
    {
        DefaultMetric => score,
        "engagementRate" => engagementRate,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a metric the analysis knows."),
    };

    public double? ValueOf(string metric) => ValueOf(metric, Score, EngagementRate);

    /// <summary>
    /// The zone an account's posts are read in, and its name as answers give it: UTC when the account has none, and UTC
    /// said outright when its zone is unknown on this machine (so a missing time-zone database never passes for a choice).
    /// </summary>
    public static (string Name, TimeZoneInfo Zone) Zone(string? timeZone) =>
        timeZone is null ? ("UTC", TimeZoneInfo.Utc)
        : TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? (timeZone, found)
        : ($"UTC ({timeZone} is unknown here)", TimeZoneInfo.Utc);

    /// <summary>The local weekday and hour of <paramref name="publishedAt"/> in <paramref name="zone"/>.</summary>
    public static (DayOfWeek Weekday, int Hour) LocalTime(DateTimeOffset publishedAt, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(publishedAt, zone);
        return (local.DayOfWeek, local.Hour);
    }

    /// <summary>A weekday as answers and the dataset name it: "monday".</summary>
    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();
}
