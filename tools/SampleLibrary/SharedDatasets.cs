using System.Globalization;
using CreatorMeta.Contracts;
using CsvHelper;

namespace CreatorMeta.SampleLibrary;

/// <summary>
/// The shared datasets (<c>../shared/datasets</c>, each described in its DATASET.md) read as posts. What they lack is
/// filled in the way a creator entering them would, and said here:
/// - TikTok (tiktok-vn-2025): times are Vietnam's (Asia/Ho_Chi_Minh), as scraped; each scrape is a reading from source
///   "scrape" at its scrape time, named as TikTok's web app names the counters, abbreviations ("541.2K") and all; the
///   re-crawl of June 2025 is a second reading of the same posts. Topics are the post's hashtags.
/// - Instagram (instagram-insights-creator, "Instagram data.csv"): one creator, @amankharwal (Asia/Kolkata). The file
///   has a date but no time and no post id, so each post went out at noon local time on its date and is identified by
///   that date (one row per day); its DATASET.md warns the dates may be the publisher's. The Insights numbers are one
///   reading from source "csv", taken on 2022-06-14, the day the file was published. Topics are the post's hashtags; the
///   posts are carousels (the account posts slides). Rows repeated in the export stay separate posts, as the export has them.
///   Because the times are made up, this library says nothing about Instagram's best hours: its best times show the
///   research's hours with noon on each weekday nudged by the creator's scores. Some rows' tags are glued together by a
///   character lost in an encoding ("#data\ufffd#python"); they are split there.
/// - Both: what is not a hashtag by the platforms' rules (TikTok's "2025", "1") is left out, as tracking would refuse it.
/// </summary>
public static class SharedDatasets
{
    public const string TikTokZone = "Asia/Ho_Chi_Minh";
    public const string InstagramZone = "Asia/Kolkata";
    public const string InstagramAccount = "@amankharwal";
    public static readonly DateTimeOffset InstagramExportedAt = new(2022, 6, 14, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The TikTok posts of accounts with at least <paramref name="minPostsPerAccount"/> posts in the first crawl, in file order.</summary>
    public static IReadOnlyList<SamplePost> TikTok(string datasets, int minPostsPerAccount = 1)
    {
        var folder = Path.Combine(datasets, "tiktok-vn-2025");
        var first = Read(Path.Combine(folder, "raw_data.csv"));
        var again = Read(Path.Combine(folder, "recrawled_1v.csv")).ToDictionary(r => r["vid_id"]);
        var kept = first.GroupBy(r => r["user_name"]).Where(g => g.Count() >= minPostsPerAccount).SelectMany(g => g).ToHashSet();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TikTokZone);
        DateTimeOffset Local(string text)
        {
            var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }
        SampleReading Reading(Dictionary<string, string> row, string crawl) => new(Local(row["vid_scrapeTime"]), "scrape", $"{crawl}-{row["vid_id"]}",
            new[] { ("play_count", "vid_nview"), ("digg_count", "vid_nlike"), ("comment_count", "vid_ncomment"), ("share_count", "vid_nshare"), ("collect_count", "vid_nsave") }
                .Where(f => row[f.Item2].Length > 0).ToDictionary(f => f.Item1, f => row[f.Item2]));
        return [.. first.Where(kept.Contains).Select(row =>
        {
            var hashtags = Tags(row["vid_hashtags"].Split(','));
            var duration = row["vid_duration"].Split(':');
            var caption = row["vid_caption"];
            var readings = again.TryGetValue(row["vid_id"], out var later) ? new[] { Reading(row, "crawl1"), Reading(later, "crawl2") } : [Reading(row, "crawl1")];
            return new SamplePost("tiktok", "@" + row["user_name"], TikTokZone, null, row["vid_url"], Local(row["vid_postTime"]),
                Title(caption, $"TikTok video {row["vid_id"]}"), "video", int.Parse(duration[0], CultureInfo.InvariantCulture) * 60 + int.Parse(duration[1], CultureInfo.InvariantCulture),
                hashtags, caption, hashtags, readings);
        })];
    }

    private static string[] Tags(IEnumerable<string> sent) => [.. HashtagNames.Of(sent).Tags];

    /// <summary>The creator's Instagram posts from the Insights export with dates.</summary>
    public static IReadOnlyList<SamplePost> Instagram(string datasets)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(InstagramZone);
        return [.. Read(Path.Combine(datasets, "instagram-insights-creator", "Instagram data.csv")).Select(row =>
        {
            var noon = DateTime.ParseExact(row["Date"], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddHours(12);
            var hashtags = Tags(row["Hashtags"].Split([' ', '\u00a0', '\ufffd', '#']));
            var metrics = new[] { ("impressions", "Impressions"), ("likes", "Likes"), ("comments", "Comments"), ("shares", "Shares"), ("saved", "Saves"), ("follows", "Follows") }
                .ToDictionary(f => f.Item1, f => row[f.Item2]);
            return new SamplePost("instagram", InstagramAccount, InstagramZone, $"insights-{row["Date"]}", null, new DateTimeOffset(noon, zone.GetUtcOffset(noon)),
                Title(row["Caption"], $"Instagram post of {row["Date"]}"), "carousel", null, hashtags, row["Caption"], hashtags,
                [new SampleReading(InstagramExportedAt, "csv", $"insights-{row["Date"]}", metrics)]);
        })];
    }

    /// <summary>The caption's first 120 characters (never half an emoji), or the fallback for an empty caption.</summary>
    private static string Title(string caption, string fallback) =>
        caption.Trim() is { Length: > 0 } text ? (text.Length <= 120 ? text : text[..(char.IsHighSurrogate(text[119]) ? 119 : 120)].TrimEnd() + "…") : fallback;

    /// <summary>Rows by column name, whatever the column order and with or without a byte order mark.</summary>
    private static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = CsvReader.Create(new StreamReader(path, detectEncodingFromByteOrderMarks: true), CsvReaderOptions.Default with { Separator = ',' }, false);
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(header.Select((name, i) => (name, value: i < reader.FieldCount ? reader.GetString(i) : "")).ToDictionary(f => f.name, f => f.value));
        return rows;
    }
}
