using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class MappingScheduleTests
{
    private static DateTimeOffset Year(int year, int month = 1) => new(year, month, 1, 0, 0, 0, TimeSpan.Zero);

    private static MetricMapping Row(long id, DateTimeOffset from, DateTimeOffset? to) =>
        new(id, "ws-1", "x", "v2", "boosts", "shares", MetricScope.Lifetime, 1, MappingCombine.Sum, from, to, null);

    [Fact]
    public void The_first_row_of_a_field_ends_nothing_and_overlaps_nothing()
    {
        Assert.Equal(new MappingPlacement(null, null), MappingSchedule.Place([], Year(2024), null));
    }

    [Fact]
    public void A_row_starting_after_an_open_ended_one_is_its_successor_and_ends_it()
    {
        var closed = Row(1, Year(2022), Year(2023));
        var open = Row(2, Year(2023), null);

        var placement = MappingSchedule.Place([open, closed], Year(2025), null);

        Assert.Same(open, placement.Ends);
        Assert.Null(placement.Overlaps);
    }

    [Fact]
    public void A_row_starting_with_an_open_ended_one_overlaps_it()
    {
        var open = Row(1, Year(2024), null);

        Assert.Equal(new MappingPlacement(null, open), MappingSchedule.Place([open], Year(2024), null));
    }

    [Fact]
    public void A_row_reaching_into_a_later_open_ended_one_overlaps_it_and_one_ending_before_it_fits()
    {
        var open = Row(1, Year(2025), null);

        Assert.Equal(new MappingPlacement(null, open), MappingSchedule.Place([open], Year(2024), null));
        Assert.Equal(new MappingPlacement(null, open), MappingSchedule.Place([open], Year(2024), Year(2025, 2)));
        Assert.Equal(new MappingPlacement(null, null), MappingSchedule.Place([open], Year(2024), Year(2025)));
    }

    [Fact]
    public void A_row_inside_a_closed_one_overlaps_it_and_one_after_it_fits()
    {
        var closed = Row(1, Year(2024), Year(2024, 12));
        var later = Row(2, Year(2026), Year(2027));

        Assert.Equal(new MappingPlacement(null, closed), MappingSchedule.Place([later, closed], Year(2024, 6), Year(2024, 7)));
        Assert.Equal(new MappingPlacement(null, null), MappingSchedule.Place([later, closed], Year(2025), Year(2026)));
    }
}
