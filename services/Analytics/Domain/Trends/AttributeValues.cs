using System.Globalization;

namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>The attributes a post is compared by, in the order answers list them.</summary>
public static class AttributeValues
{
    public static readonly string[] Attributes =
        ["topic", "visualElement", "format", "kind", "duration", "captionLength", "hashtagCount", "language", "weekday", "hour", "platform"];

    /// <summary>
    /// Every (attribute, value) the post has: each of its topics and visual elements, its format ("none" without one), kind,
    /// duration range (none when unknown), caption-length and hashtag-count ranges, language (none when unknown), local
    /// weekday and hour, and platform.
    /// </summary>
    public static IEnumerable<(string Attribute, string Value)> Of(AnalysisRow row)
    {
        foreach (var topic in row.Topics)
            yield return ("topic", topic);
        foreach (var element in row.VisualElements)
            yield return ("visualElement", element);
        yield return ("format", row.Format ?? "none");
        yield return ("kind", row.Kind);
        if (Buckets.Duration(row.DurationSeconds) is { } duration)
            yield return ("duration", duration);
        yield return ("captionLength", Buckets.CaptionLength(row.CaptionLength));
        yield return ("hashtagCount", Buckets.HashtagCount(row.HashtagCount));
        if (row.Language is { } language)
            yield return ("language", language);
        yield return ("weekday", AnalysisRow.Name(row.Weekday));
        yield return ("hour", row.Hour.ToString("00", CultureInfo.InvariantCulture));
        yield return ("platform", row.Platform);
    }
}
