using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class AccountTimeZonesTests
{
    private static readonly DateTimeOffset Summer = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Winter = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static readonly AccountTimeZones Zones = new([
        PlatformAccount.Register("ws-1", "instagram", "@jamal", null, "Europe/Berlin", Summer),
        PlatformAccount.Register("ws-1", "youtube", "@jamal", null, "America/New_York", Summer),
        PlatformAccount.Register("ws-1", "tiktok", "@jamal", null, "Mars/Olympus", Summer),
    ]);

    [Theory]
    [InlineData("instagram", true, 14, 2, "Europe/Berlin")]
    [InlineData("instagram", false, 13, 1, "Europe/Berlin")]
    [InlineData("youtube", true, 8, -4, "America/New_York")]
    [InlineData("youtube", false, 7, -5, "America/New_York")]
    public void A_post_is_shown_at_the_wall_clock_time_its_accounts_audience_saw(string platform, bool summer, int hour, int offsetHours, string zone)
    {
        var at = summer ? Summer : Winter;

        var local = Zones.Of(platform, "@jamal", at);

        Assert.NotNull(local);
        Assert.Equal(at, local.At);
        Assert.Equal(hour, local.At.Hour);
        Assert.Equal(TimeSpan.FromHours(offsetHours), local.At.Offset);
        Assert.Equal(zone, local.TimeZone);
    }

    [Theory]
    [InlineData("tiktok", "@jamal")] // registered, but in a zone no system knows
    [InlineData("x", "@jamal")]
    [InlineData("instagram", "@someone")]
    [InlineData("instagram", "@Jamal")] // accounts are stored in their one lower-case spelling
    public void A_post_from_an_account_without_a_known_zone_has_no_local_time(string platform, string account) =>
        Assert.Null(Zones.Of(platform, account, Summer));
}
