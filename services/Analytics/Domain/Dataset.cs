using System.Globalization;
using CreatorMeta.ServiceDefaults.Text;

namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// The analysed rows as CSV: plain RFC 4180 with numbers as they round-trip, for statistical tools — no spreadsheet
/// formula guard, which would change the handles ("@jamal") and any text the analysis compares. Lists are joined with
/// ';', the weekday is its English name in lower case, times are UTC ISO 8601, and the ranges are the ones the analysis grouped by.
/// </summary>
public static class Dataset
{
    public static readonly string[] Columns =
    [
        "publication_id", "asset_id", "platform", "account", "published_at", "time_zone", "weekday", "hour", "kind", "format",
        "duration_seconds", "duration_bucket", "language", "caption_length", "caption_length_bucket", "hashtag_count", "hashtag_count_bucket",
        "topics", "visual_elements", "score", "engagement_rate",
    ];

    public static string Header => CsvFields.Row(Columns);

    public static string Line(AnalysisRow r)
    {
        static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
        return CsvFields.Row([
            r.PublicationId.ToString(), r.AssetId.ToString(), r.Platform, r.Account, r.PublishedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            r.TimeZone, AnalysisRow.Name(r.Weekday), Integer(r.Hour), r.Kind, r.Format ?? "", Number(r.DurationSeconds), Buckets.Duration(r.DurationSeconds) ?? "",
            r.Language ?? "", Integer(r.CaptionLength), Buckets.CaptionLength(r.CaptionLength), Integer(r.HashtagCount),
            Buckets.HashtagCount(r.HashtagCount), string.Join(';', r.Topics), string.Join(';', r.VisualElements), Number(r.Score),
            Number(r.EngagementRate),
        ]);
    }
}
