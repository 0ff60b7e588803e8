using System.Globalization;
using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class MetricMappingTests
{
    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    private static DateTimeOffset? AtOrOpen(string? time) => time is null ? null : At(time);

    private static MetricMapping Row(string from, string? to) =>
        new(1, null, "x", "v2", "retweet_count", "shares", MetricScope.Lifetime, 1, MappingCombine.Sum, At(from), AtOrOpen(to), null);

    [Theory]
    [InlineData("2023-12-31T23:59:59Z", false)]
    [InlineData("2024-01-01T00:00:00Z", true)]
    [InlineData("2024-12-31T23:59:59Z", true)]
    [InlineData("2025-01-01T00:00:00Z", false)]
    public void A_row_is_in_force_from_its_start_up_to_but_not_at_its_end(string time, bool inForce)
    {
        Assert.Equal(inForce, Row("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z").InForceAt(At(time)));
    }

    [Theory]
    [InlineData("2023-01-01T00:00:00Z", false)]
    [InlineData("2024-01-01T00:00:00Z", true)]
    [InlineData("2099-01-01T00:00:00Z", true)]
    public void An_open_ended_row_is_in_force_from_its_start_on(string time, bool inForce)
    {
        Assert.Equal(inForce, Row("2024-01-01T00:00:00Z", null).InForceAt(At(time)));
    }

    [Theory]
    [InlineData("2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z", false)]
    [InlineData("2025-01-01T00:00:00Z", null, false)]
    [InlineData("2024-06-01T00:00:00Z", "2024-07-01T00:00:00Z", true)]
    [InlineData("2023-01-01T00:00:00Z", "2024-01-01T00:00:01Z", true)]
    [InlineData("2023-01-01T00:00:00Z", null, true)]
    public void A_span_overlaps_a_closed_row_only_where_they_share_time(string from, string? to, bool overlaps)
    {
        Assert.Equal(overlaps, Row("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z").Overlaps(At(from), AtOrOpen(to)));
    }

    [Theory]
    [InlineData("2030-01-01T00:00:00Z", null, true)]
    [InlineData("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", true)]
    [InlineData("2020-01-01T00:00:00Z", "2024-01-01T00:00:00Z", false)]
    public void A_span_overlaps_an_open_ended_row_unless_it_ends_before_the_row_starts(string from, string? to, bool overlaps)
    {
        Assert.Equal(overlaps, Row("2024-01-01T00:00:00Z", null).Overlaps(At(from), AtOrOpen(to)));
    }
}
