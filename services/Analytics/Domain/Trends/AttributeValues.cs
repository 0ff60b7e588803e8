using System.Globalization;

namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>The attributes a post is compared by, in the order answers list them.</summary>
public static class AttributeValues
{
    public static readonly string[] Attributes =
        ["topic", "visualElement", "format", "kind", "duration", "captionLength", "hashtagCount", "language", "weekday", "hour", "platform"];

    /// <summary>
    /// What the post's asset is, the same wherever it went out: each of its topics and visual elements, its format ("none"
    /// without one), kind, duration range (none when unknown) and language (none when unknown).
    /// </summary>
    public static IEnumerable<(string Attribute, string Value)> OfAsset(string kind, string? format, double? durationSeconds, string? language,
        IReadOnlyList<string> topics, IReadOnlyList<string> visualElements)
    {
        foreach (var topic in topics)
            yield return ("topic", topic);
        foreach (var element in visualElements)
            yield return ("visualElement", element);
        yield return ("format", format ?? "none");
        yield return ("kind", kind);
        if (Buckets.Duration(durationSeconds) is { } duration)
            yield return ("duration", duration);
        if (language is not null)
            yield return ("language", language);
    }

    // How this one post went out: its caption-length and hashtag-count ranges, local weekday and hour, and platform.
    public static (string, string) CaptionLength(int characters) => ("captionLength", Buckets.CaptionLength(characters));

    public static (string, string) HashtagCount(int hashtags) => ("hashtagCount", Buckets.HashtagCount(hashtags));

    public static (string, string) Weekday(DayOfWeek day) => ("weekday", AnalysisRow.Name(day));

    public static (string, string) Hour(int hour) => ("hour", hour.ToString("00", CultureInfo.InvariantCulture));

    public static (string, string) Platform(string platform) => ("platform", platform);
}
