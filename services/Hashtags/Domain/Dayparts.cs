namespace CreatorMeta.Hashtags.Domain;

/// <summary>
/// The time of day a post went out in its account's zone, as its audience saw it, in four parts wide enough to hold
/// several posts each: the statistics hold it equal, so a tag used mostly in the evening is not credited for the evening.
/// </summary>
public static class Dayparts
{
    public static string Of(int localHour) => localHour switch
    {
        < 6 => "night",
        < 12 => "morning",
        < 18 => "afternoon",
        _ => "evening",
    };

    public static string Of(DateTimeOffset at, TimeZoneInfo zone) => Of(TimeZoneInfo.ConvertTime(at, zone).Hour);

    /// <summary>The account's zone, UTC when it has none or this machine does not know it.</summary>
    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
