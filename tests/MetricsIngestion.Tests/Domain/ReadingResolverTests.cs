using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class ReadingResolverTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static Reading At(long id, int hour, string source, params (string Metric, double Value, double Uncertainty)[] lifetime) =>
        new(id, T0.AddHours(hour), source, new NormalizedReading(
            lifetime.ToDictionary(v => v.Metric, v => new CanonicalValue(v.Value, v.Uncertainty, [v.Metric])),
            new Dictionary<(string, MetricScope), CanonicalValue>(), [], [], new Dictionary<string, string>()));

    private static Reading Windowed(long id, int hour, string source, params (string Metric, MetricScope Scope, double Value)[] values) =>
        new(id, T0.AddHours(hour), source, new NormalizedReading(new Dictionary<string, CanonicalValue>(),
            values.ToDictionary(v => (v.Metric, v.Scope), v => new CanonicalValue(v.Value, 0, [v.Metric])), [], [], new Dictionary<string, string>()));

    private static ResolvedValue Likes(params Reading[] readings) => ReadingResolver.Resolve(readings, ResolutionSettings.Default).Current["likes"];

    [Fact]
    public void A_source_growing_its_own_count_replaces_it()
    {
        var resolution = ReadingResolver.Resolve([At(1, 0, "scrape", ("likes", 100, 0)), At(2, 1, "scrape", ("likes", 120, 0))], ResolutionSettings.Default);

        Assert.Equal(new ResolvedValue(120, 0, "scrape", T0.AddHours(1)), resolution.Current["likes"]);
        Assert.Empty(resolution.Decreases);
        Assert.Empty(resolution.Conflicts);
    }

    [Fact]
    public void A_lower_count_from_the_same_source_within_the_rounding_of_both_is_held_as_rounding()
    {
        var resolution = ReadingResolver.Resolve([At(1, 0, "scrape", ("likes", 541_200, 50)), At(2, 1, "scrape", ("likes", 541_100, 50))],
            ResolutionSettings.Default);

        // "541.2K" then "541.1K": 100 apart, within 50 + 50.
        Assert.Equal(new ResolvedValue(541_200, 50, "scrape", T0.AddHours(1)), resolution.Current["likes"]);
        Assert.Empty(resolution.Decreases);
    }

    [Fact]
    public void A_lower_count_from_the_same_source_beyond_its_rounding_is_a_real_decrease_that_stands()
    {
        var resolution = ReadingResolver.Resolve([At(1, 0, "api", ("likes", 500, 0)), At(2, 1, "api", ("likes", 450, 0))], ResolutionSettings.Default);

        Assert.Equal(new ResolvedValue(450, 0, "api", T0.AddHours(1)), resolution.Current["likes"]);
        Assert.Equal(new Decrease("likes", 500, 450, "api", T0.AddHours(1)), Assert.Single(resolution.Decreases));
        Assert.Empty(resolution.Conflicts);
    }

    [Fact]
    public void A_more_trusted_source_corrects_the_value_and_within_the_margin_that_is_no_conflict()
    {
        var resolution = ReadingResolver.Resolve([At(1, 0, "scrape", ("likes", 1_000, 0)), At(2, 1, "api", ("likes", 950, 0))], ResolutionSettings.Default);

        Assert.Equal(new ResolvedValue(950, 0, "api", T0.AddHours(1)), resolution.Current["likes"]);
        Assert.Empty(resolution.Conflicts);
        Assert.Empty(resolution.Decreases);
    }

    [Fact]
    public void A_more_trusted_correction_beyond_the_margin_is_flagged_keeping_both_values()
    {
        var resolution = ReadingResolver.Resolve([At(1, 0, "scrape", ("likes", 1_000, 0)), At(2, 1, "api", ("likes", 800, 0))], ResolutionSettings.Default);

        Assert.Equal(800, resolution.Current["likes"].Value);
        Assert.Equal(new Conflict("likes", new ConflictSide(800, "api", T0.AddHours(1)), new ConflictSide(1_000, "scrape", T0), 0.2, 1),
            Assert.Single(resolution.Conflicts));
    }

    [Fact]
    public void A_less_trusted_source_raises_the_value_when_it_is_higher_by_more_than_its_rounding()
    {
        Assert.Equal(new ResolvedValue(150, 0, "scrape", T0.AddHours(1)), Likes(At(1, 0, "api", ("likes", 100, 0)), At(2, 1, "scrape", ("likes", 150, 0))));
        // 541,200 ± 50 may be 541,150, below the 541,180 held.
        Assert.Equal(new ResolvedValue(541_180, 0, "api", T0), Likes(At(1, 0, "api", ("likes", 541_180, 0)), At(2, 1, "scrape", ("likes", 541_200, 50))));
    }

    [Fact]
    public void A_lower_count_from_a_less_trusted_source_is_ignored_and_within_the_margin_not_flagged()
    {
        var resolution = ReadingResolver.Resolve([At(1, 0, "api", ("likes", 1_000, 0)), At(2, 1, "scrape", ("likes", 950, 0))], ResolutionSettings.Default);

        Assert.Equal(new ResolvedValue(1_000, 0, "api", T0), resolution.Current["likes"]);
        Assert.Empty(resolution.Conflicts);
        Assert.Empty(resolution.Decreases);
    }

    [Fact]
    public void A_disagreement_beyond_the_margin_is_one_conflict_with_its_latest_values_and_how_often_it_happened()
    {
        var resolution = ReadingResolver.Resolve([
            At(1, 0, "api", ("likes", 1_000, 0), ("comments", 100, 0)),
            At(2, 1, "scrape", ("likes", 500, 0), ("comments", 50, 0)),
            At(3, 2, "scrape", ("likes", 600, 0)),
        ], ResolutionSettings.Default);

        Assert.Equal(1_000, resolution.Current["likes"].Value);
        Assert.Equal(new[] { "comments", "likes" }, resolution.Conflicts.Select(c => c.Metric));
        Assert.Equal(new Conflict("comments", new ConflictSide(100, "api", T0), new ConflictSide(50, "scrape", T0.AddHours(1)), 0.5, 1),
            resolution.Conflicts[0]);
        Assert.Equal(new Conflict("likes", new ConflictSide(1_000, "api", T0), new ConflictSide(600, "scrape", T0.AddHours(2)), 0.4, 2),
            resolution.Conflicts[1]);
    }

    [Fact]
    public void The_audience_takes_the_latest_reading_whatever_its_source_and_is_left_out_of_the_growth_curve()
    {
        var resolution = ReadingResolver.Resolve([
            At(1, 0, "api", ("followers", 10_000, 0), ("likes", 10, 0)),
            At(2, 1, "scrape", ("followers", 9_000, 0)),
        ], ResolutionSettings.Default);

        Assert.Equal(new ResolvedValue(9_000, 0, "scrape", T0.AddHours(1)), resolution.Current["followers"]);
        Assert.Empty(resolution.Conflicts);
        Assert.All(resolution.Curve, p => Assert.Equal(new[] { "likes" }, p.Values.Keys));
    }

    [Fact]
    public void Windowed_values_take_the_latest_reading_and_are_listed_by_metric_and_scope()
    {
        var resolution = ReadingResolver.Resolve([
            Windowed(1, 0, "api", ("views", MetricScope.Day, 100), ("likes", MetricScope.Week, 30), ("views", MetricScope.Days28, 900)),
            Windowed(2, 1, "scrape", ("views", MetricScope.Day, 80)),
        ], ResolutionSettings.Default);

        Assert.Equal(new[]
        {
            new WindowedValue("likes", "week", 30, "api", T0),
            new WindowedValue("views", "day", 80, "scrape", T0.AddHours(1)),
            new WindowedValue("views", "days_28", 900, "api", T0),
        }, resolution.Windowed);
        Assert.Empty(resolution.Current);
    }

    [Fact]
    public void At_one_instant_the_more_trusted_source_has_the_last_word_and_the_curve_has_one_point_per_instant()
    {
        var resolution = ReadingResolver.Resolve([
            At(1, 0, "api", ("likes", 100, 0)),
            At(2, 0, "scrape", ("likes", 105, 0)),
            At(3, 1, "api", ("likes", 130, 0), ("comments", 4, 0)),
        ], ResolutionSettings.Default);

        Assert.Equal(new ResolvedValue(130, 0, "api", T0.AddHours(1)), resolution.Current["likes"]);
        Assert.Equal(new[] { T0, T0.AddHours(1) }, resolution.Curve.Select(p => p.ObservedAt));
        Assert.Equal(new Dictionary<string, double> { ["likes"] = 100 }, resolution.Curve[0].Values);
        Assert.Equal(new Dictionary<string, double> { ["likes"] = 130, ["comments"] = 4 }, resolution.Curve[1].Values);
    }

    [Fact]
    public void Two_sources_read_at_the_same_moment_and_apart_beyond_the_margin_are_a_conflict_whichever_says_more()
    {
        // The scraper's 80 at hour 2 is more than the API's 60 an hour before, so it raises the counter as growth would;
        // the API's 100 at the same moment shows it was a disagreement.
        var resolution = ReadingResolver.Resolve([
            At(1, 1, "api", ("likes", 60, 0)),
            At(2, 2, "scrape", ("likes", 80, 0)),
            At(3, 2, "api", ("likes", 100, 0)),
        ], ResolutionSettings.Default);

        Assert.Equal(new ResolvedValue(100, 0, "api", T0.AddHours(2)), resolution.Current["likes"]);
        var conflict = Assert.Single(resolution.Conflicts);
        Assert.Equal((100d, "api", 80d, "scrape", 0.2), (conflict.Kept.Value, conflict.Kept.Source, conflict.Other.Value, conflict.Other.Source, conflict.Difference));
    }

    [Fact]
    public void A_less_trusted_source_that_raised_a_counter_cannot_then_take_it_below_the_trusted_reading()
    {
        var resolution = ReadingResolver.Resolve(
            [At(1, 0, "api", ("likes", 1_000, 0)), At(2, 1, "scrape", ("likes", 1_200, 0)), At(3, 2, "scrape", ("likes", 700, 0))],
            ResolutionSettings.Default);

        // The scraper's own drop from 1,200 to 700 would go below the API's 1,000: the API's reading stands, and it is a conflict.
        Assert.Equal(new ResolvedValue(1_000, 0, "api", T0), resolution.Current["likes"]);
        Assert.Empty(resolution.Decreases);
        var conflict = Assert.Single(resolution.Conflicts);
        Assert.Equal((1_000d, "api", 700d, "scrape"), (conflict.Kept.Value, conflict.Kept.Source, conflict.Other.Value, conflict.Other.Source));
    }

    [Fact]
    public void A_trusted_source_saying_less_than_it_said_before_is_a_decrease_even_while_another_source_held_the_value()
    {
        var resolution = ReadingResolver.Resolve(
            [At(1, 0, "api", ("likes", 1_000, 0)), At(2, 1, "scrape", ("likes", 1_100, 0)), At(3, 2, "api", ("likes", 900, 0))],
            ResolutionSettings.Default);

        Assert.Equal(900, resolution.Current["likes"].Value);
        Assert.Equal(new Decrease("likes", 1_000, 900, "api", T0.AddHours(2)), Assert.Single(resolution.Decreases));
        Assert.Equal(("api", "scrape"), (Assert.Single(resolution.Conflicts).Kept.Source, resolution.Conflicts[0].Other.Source));
    }

    [Fact]
    public void The_curve_says_which_counters_each_moment_read_and_carries_the_others()
    {
        var resolution = ReadingResolver.Resolve([At(1, 0, "api", ("likes", 10, 0), ("comments", 1, 0)), At(2, 1, "api", ("likes", 20, 0))],
            ResolutionSettings.Default);

        Assert.Equal(new[] { "comments", "likes" }, resolution.Curve[0].Read);
        Assert.Equal(new[] { "likes" }, resolution.Curve[1].Read);
        Assert.Equal(1, resolution.Curve[1].Values["comments"]);
    }
}
