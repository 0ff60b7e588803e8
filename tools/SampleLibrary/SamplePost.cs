namespace CreatorMeta.SampleLibrary;

/// <summary>One metrics reading of a post as a platform export or a scraper gave it: raw field names, raw values.</summary>
public sealed record SampleReading(DateTimeOffset ObservedAt, string Source, string SourceEventId, IReadOnlyDictionary<string, string> Metrics);

/// <summary>
/// One post of a dataset, as a creator would describe it through the public routes: the account it went out on (with
/// that account's time zone), the asset (kind, duration, topics) and the publication (post id or URL, time, caption,
/// hashtags), and the readings of its numbers.
/// </summary>
public sealed record SamplePost(
    string Platform,
    string Account,
    string TimeZone,
    string? ExternalPostId,
    string? PostUrl,
    DateTimeOffset PublishedAt,
    string Title,
    string Kind,
    double? DurationSeconds,
    IReadOnlyList<string> Topics,
    string Caption,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<SampleReading> Readings)
{
    /// <summary>The post's id on its platform: given, or the last segment of its URL.</summary>
    public string PostId => ExternalPostId ?? PostUrl!.TrimEnd('/').Split('/')[^1];
}
