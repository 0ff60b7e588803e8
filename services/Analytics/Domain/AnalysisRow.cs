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
    public static readonly IReadOnlyDictionary<string, Func<AnalysisRow, double?>> Metrics = new Dictionary<string, Func<AnalysisRow, double?>>
    {
        ["score"] = r => r.Score,
        ["engagementRate"] = r => r.EngagementRate,
    };

    /// <summary>
    /// The local weekday and hour in <paramref name="timeZone"/>; UTC when the account has none, and UTC said outright
    /// when its zone is unknown on this machine (so a missing time-zone database never passes for a choice).
    /// </summary>
    public static (string TimeZone, DayOfWeek Weekday, int Hour) LocalTime(DateTimeOffset publishedAt, string? timeZone)
    {
        var known = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : null;
        var local = TimeZoneInfo.ConvertTime(publishedAt, known ?? TimeZoneInfo.Utc);
        return (timeZone is null ? "UTC" : known is null ? $"UTC ({timeZone} is unknown here)" : timeZone, local.DayOfWeek, local.Hour);
    }

    /// <summary>A weekday as answers and the dataset name it: "monday".</summary>
    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();
}
