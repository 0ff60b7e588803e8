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
    public static IEnumerable<(string Attribute, string Value)> OfAsset(AnalysisRow row)
    {
        foreach (var topic in row.Topics)
            yield return ("topic", topic);
        foreach (var element in row.VisualElements)
            yield return ("visualElement", element);
        yield return ("format", row.Format ?? "none");
        yield return ("kind", row.Kind);
        if (Buckets.Duration(row.DurationSeconds) is { } duration)
            yield return ("duration", duration);
        if (row.Language is { } language)
            yield return ("language", language);
    }

    /// <summary>How this one post went out: its caption-length and hashtag-count ranges, local weekday and hour, and platform.</summary>
    public static IEnumerable<(string Attribute, string Value)> OfPost(AnalysisRow row)
    {
        yield return ("captionLength", Buckets.CaptionLength(row.CaptionLength));
        yield return ("hashtagCount", Buckets.HashtagCount(row.HashtagCount));
        yield return ("weekday", AnalysisRow.Name(row.Weekday));
        yield return ("hour", row.Hour.ToString("00", CultureInfo.InvariantCulture));
        yield return ("platform", row.Platform);
    }
}
