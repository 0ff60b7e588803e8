using CreatorMeta.Calendar.Domain;

namespace CreatorMeta.Calendar.Tests.Domain;

public sealed class ZonedTimeTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void A_winter_evening_in_Berlin_is_an_hour_ahead_of_UTC()
    {
        var at = ZonedTime.Resolve(new DateTime(2027, 1, 15, 18, 30, 0), Berlin, out var conflict);

        Assert.Null(conflict);
        Assert.Equal(new DateTimeOffset(2027, 1, 15, 17, 30, 0, TimeSpan.Zero), at!.Instant);
    }

    [Fact]
    public void The_hour_New_York_skips_in_March_does_not_exist()
    {
        Assert.Null(ZonedTime.Resolve(new DateTime(2027, 3, 14, 2, 30, 0), NewYork, out var conflict));
        Assert.Equal("nonexistent-local-time", conflict!.Reason);
    }

    [Fact]
    public void The_hour_New_York_repeats_in_November_is_ambiguous()
    {
        Assert.Null(ZonedTime.Resolve(new DateTime(2027, 11, 7, 1, 30, 0), NewYork, out var conflict));
        Assert.Equal("ambiguous-local-time", conflict!.Reason);
    }

    [Fact]
    public void The_minute_after_the_gap_resolves_to_summer_time()
    {
        var at = ZonedTime.Resolve(new DateTime(2027, 3, 28, 3, 0, 0), Berlin, out _);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), at!.Instant);
    }
}
