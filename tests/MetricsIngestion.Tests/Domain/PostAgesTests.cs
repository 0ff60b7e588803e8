using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class PostAgesTests
{
    private static readonly DateTimeOffset Published = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static CurvePoint Point(TimeSpan after, params (string Metric, double Value)[] values) =>
        new(Published + after, values.ToDictionary(v => v.Metric, v => v.Value), [.. values.Select(v => v.Metric)]);

    private static IReadOnlyList<AgeAlignedValues> Align(TimeSpan now, params CurvePoint[] curve) => PostAges.Align(curve, Published, Published + now);

    [Fact]
    public void Posts_are_compared_at_one_hour_a_day_a_week_and_thirty_days()
    {
        Assert.Equal(new[] { ("1h", 1d), ("24h", 24d), ("7d", 168d), ("30d", 720d) }, PostAges.Standard.Select(s => (s.Name, s.Age.TotalHours)));
    }

    [Fact]
    public void A_reading_taken_at_the_age_itself_is_measured()
    {
        var age = Assert.Single(Align(TimeSpan.FromHours(2), Point(TimeSpan.FromHours(1), ("likes", 20), ("views", 300))));

        Assert.Equal(("1h", Published.AddHours(1)), (age.Age, age.At));
        Assert.Equal(new[] { "engagement", "likes", "views" }, age.Values.Keys);
        Assert.Equal(new AgedValue(20, AgedValue.Measured), age.Values["likes"]);
        Assert.Equal(new AgedValue(20, AgedValue.Measured), age.Values["engagement"]);
        Assert.Equal(new AgedValue(300, AgedValue.Measured), age.Values["views"]);
    }

    [Fact]
    public void Before_the_first_reading_the_value_is_interpolated_from_zero_at_publication()
    {
        var age = Assert.Single(Align(TimeSpan.FromHours(1.5), Point(TimeSpan.FromHours(2), ("likes", 100))));

        Assert.Equal(new AgedValue(50, AgedValue.Interpolated), age.Values["likes"]);
        Assert.True(age.Values["likes"].IsComparable());
    }

    [Fact]
    public void Between_two_readings_the_value_is_interpolated_in_proportion_to_time()
    {
        var ages = Align(TimeSpan.FromDays(2), Point(TimeSpan.FromHours(12), ("likes", 100)), Point(TimeSpan.FromHours(36), ("likes", 300)));

        Assert.Equal(new[] { "1h", "24h" }, ages.Select(a => a.Age));
        Assert.Equal(100.0 / 12, ages[0].Values["likes"].Value, 9); // 1 h of the 12 h from publication to the first reading
        Assert.Equal(AgedValue.Estimated, ages[0].Values["likes"].Kind); // a straight line over 12 h says little about the first hour
        Assert.Equal(new AgedValue(200, AgedValue.Interpolated), ages[1].Values["likes"]); // halfway from 100 at 12 h to 300 at 36 h
    }

    [Fact]
    public void After_the_last_reading_the_value_is_held_and_marked_extrapolated_so_it_is_not_compared()
    {
        var ages = Align(TimeSpan.FromDays(8), Point(TimeSpan.FromHours(2), ("likes", 100)));

        Assert.Equal(new[] { "1h", "24h", "7d" }, ages.Select(a => a.Age));
        Assert.Equal(new AgedValue(100, AgedValue.Extrapolated), ages[2].Values["likes"]);
        Assert.False(ages[1].Values["likes"].IsComparable());
        Assert.True(ages[0].Values["likes"].IsComparable());
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(1, 1)]
    [InlineData(23.9, 1)]
    [InlineData(24, 2)]
    [InlineData(720, 4)]
    public void Only_the_ages_the_post_has_reached_are_listed(double hoursSincePublication, int ages)
    {
        Assert.Equal(ages, Align(TimeSpan.FromHours(hoursSincePublication), Point(TimeSpan.FromMinutes(30), ("likes", 5))).Count);
    }

    [Fact]
    public void Readings_from_before_publication_are_left_out()
    {
        var age = Assert.Single(Align(TimeSpan.FromHours(3), Point(TimeSpan.FromHours(-1), ("likes", 999)), Point(TimeSpan.FromHours(2), ("likes", 100))));

        Assert.Equal(50, age.Values["likes"].Value);
    }

    [Fact]
    public void Engagement_is_the_sum_of_the_interactions_at_each_reading_and_missing_where_none_was_read()
    {
        var age = Assert.Single(Align(TimeSpan.FromHours(2),
            Point(TimeSpan.FromMinutes(30), ("views", 50)),
            Point(TimeSpan.FromHours(1), ("likes", 10), ("comments", 2), ("shares", 1), ("saves", 3), ("views", 100))));

        Assert.Equal(new AgedValue(16, AgedValue.Measured), age.Values["engagement"]);
        Assert.Equal(new AgedValue(100, AgedValue.Measured), age.Values["views"]);
    }

    [Fact]
    public void A_value_between_readings_far_from_the_age_is_only_estimated_and_not_compared()
    {
        var wide = Align(TimeSpan.FromDays(8), Point(TimeSpan.FromHours(2), ("likes", 100)), Point(TimeSpan.FromDays(7.5), ("likes", 900)));
        var close = Align(TimeSpan.FromDays(2), Point(TimeSpan.FromHours(20), ("likes", 100)), Point(TimeSpan.FromHours(30), ("likes", 200)));

        // 24 h between readings at 2 h and 180 h: a straight line over a week; between 20 h and 30 h: within half and twice the age.
        Assert.Equal(AgedValue.Estimated, wide[1].Values["likes"].Kind);
        Assert.False(wide[1].Values["likes"].IsComparable());
        Assert.Equal(new AgedValue(140, AgedValue.Interpolated), close[1].Values["likes"]);
    }

    [Fact]
    public void A_metric_carried_from_an_earlier_reading_is_not_taken_as_read_again()
    {
        var carried = new CurvePoint(Published.AddHours(30), new Dictionary<string, double> { ["likes"] = 10, ["views"] = 900 }, ["views"]);

        var ages = Align(TimeSpan.FromHours(40), Point(TimeSpan.FromHours(13), ("likes", 10), ("views", 40)), carried);

        Assert.Equal(AgedValue.Extrapolated, ages[1].Values["likes"].Kind); // likes were last read at 13 h
        Assert.Equal(AgedValue.Interpolated, ages[1].Values["views"].Kind);
    }
}
