namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// Numbers the analysis compares as groups: a post 42 s long and one 43 s long are the same kind of post, so durations,
/// caption lengths and hashtag counts are read in ranges wide enough to hold several posts each.
/// </summary>
public static class Buckets
{
    public static string? Duration(double? seconds) => seconds switch
    {
        null => null,
        < 15 => "under 15 s",
        < 60 => "15-60 s",
        < 180 => "1-3 min",
        < 600 => "3-10 min",
        _ => "10 min or more",
    };

    public static string CaptionLength(int characters) => characters switch
    {
        0 => "none",
        <= 80 => "1-80",
        <= 300 => "81-300",
        _ => "301 or more",
    };

    public static string HashtagCount(int hashtags) => hashtags switch
    {
        0 => "0",
        <= 3 => "1-3",
        <= 10 => "4-10",
        _ => "11 or more",
    };
}
