using CreatorMeta.Analytics.Domain.BestTimes;

namespace CreatorMeta.Analytics.Tests.Domain;

public sealed class BestTimeSlotsTests
{
    private static IEnumerable<(DayOfWeek, int, double)> At(DayOfWeek day, int hour, params double[] scores) => scores.Select(s => (day, hour, s));

    [Fact]
    public void Without_history_every_hour_is_the_researchs_expectation_and_its_peak_ranks_first()
    {
        var estimate = BestTimeSlots.Estimate("youtube", []);

        Assert.Equal(168, estimate.Slots.Count);
        Assert.All(estimate.Slots, s => Assert.Equal((s.Prior, 0.0, 0), (s.Estimate, s.Weight, s.Posts)));
        Assert.Equal((DayOfWeek.Wednesday, 16, TimingPriors.Peak), estimate.Ranked().Select(s => (s.Weekday, s.Hour, s.Estimate)).First());
        Assert.Equal(TimingPriors.Recommended, estimate.Slots.Single(s => s.Weekday == DayOfWeek.Monday && s.Hour == 15).Estimate);
        Assert.Equal(TimingPriors.Ordinary, estimate.Slots.Single(s => s.Weekday == DayOfWeek.Saturday && s.Hour == 3).Estimate);
    }

    [Fact]
    public void A_thin_history_stays_near_the_research_and_a_rich_one_speaks_for_itself()
    {
        // Scores are percentiles: an ordinary hour's posts spread evenly over 0–1.
        var random = new Random(3);
        double Between(double low, double high) => low + random.NextDouble() * (high - low);
        var ordinary = Enumerable.Range(0, 40).SelectMany(slot => At((DayOfWeek)(slot % 7), 6 + slot / 7 * 2,
            [.. Enumerable.Range(0, 3).Select(_ => Between(0, 1))]));
        var posts = At(DayOfWeek.Saturday, 3, 0.95, 0.9)
            .Concat(At(DayOfWeek.Sunday, 9, [.. Enumerable.Range(0, 60).Select(_ => Between(0.45, 1))]))
            .Concat(At(DayOfWeek.Wednesday, 16, [.. Enumerable.Range(0, 60).Select(_ => Between(0, 0.55))]))
            .Concat(ordinary).ToList();

        var estimate = BestTimeSlots.Estimate("youtube", posts);
        BestTimeSlot Slot(DayOfWeek day, int hour) => estimate.Slots.Single(s => s.Weekday == day && s.Hour == hour);

        // Two great posts at 3 am on a Saturday: most of the estimate is still the research's ordinary 0.5.
        var thin = Slot(DayOfWeek.Saturday, 3);
        Assert.True(thin.Weight < 0.5 && thin.Estimate < 0.8 && thin.Estimate > TimingPriors.Ordinary, $"{thin}");
        // Sixty posts each: the creator's Sunday mornings beat the research's Wednesday peak, which did poorly for them.
        var (sunday, wednesday) = (Slot(DayOfWeek.Sunday, 9), Slot(DayOfWeek.Wednesday, 16));
        Assert.True(sunday.Weight > 0.9 && wednesday.Weight > 0.9, $"{sunday} {wednesday}");
        Assert.Equal((DayOfWeek.Sunday, 9), estimate.Ranked().Select(s => (s.Weekday, s.Hour)).First());
        Assert.True(wednesday.Estimate < 0.4);
        // More posts, a narrower interval.
        Assert.True(sunday.High - sunday.Low < thin.High - thin.Low);
        Assert.True(sunday.Low < sunday.Estimate && sunday.Estimate < sunday.High);
    }

    [Fact]
    public void A_platform_the_research_says_nothing_of_has_a_flat_prior_and_says_so()
    {
        var estimate = BestTimeSlots.Estimate("pinterest", []);

        Assert.All(estimate.Slots, s => Assert.Equal(TimingPriors.Ordinary, s.Prior));
        Assert.Contains("No research guidance for pinterest", estimate.Basis);
    }

    [Fact]
    public void Hours_whose_posts_all_scored_alike_still_give_every_hour_a_number()
    {
        var estimate = BestTimeSlots.Estimate("instagram", [.. At(DayOfWeek.Sunday, 9, 1.0, 1.0), .. At(DayOfWeek.Monday, 10, 0.5, 0.5)]);

        Assert.All(estimate.Slots, s => Assert.True(double.IsFinite(s.Estimate) && double.IsFinite(s.Low) && double.IsFinite(s.Weight), $"{s}"));
        Assert.Equal(BestTimeSlots.PercentileVariance, estimate.WithinVariance);
    }

    [Fact]
    public void A_creator_who_only_posts_in_the_recommended_hours_is_not_told_to_prefer_hours_never_tried()
    {
        // Every post inside Instagram's weekday 10-15 window, all ordinary for this creator (their percentiles average 0.5).
        var random = new Random(5);
        var posts = Enumerable.Range(10, 5).SelectMany(hour => At(DayOfWeek.Tuesday, hour, [.. Enumerable.Range(0, 20).Select(_ => random.NextDouble())])).ToList();

        var estimate = BestTimeSlots.Estimate("instagram", posts);

        var tried = estimate.Slots.Where(s => s.Posts > 0).Max(s => s.Estimate);
        var untried = estimate.Slots.Single(s => s.Weekday == DayOfWeek.Thursday && s.Hour == 11);
        Assert.True(untried.Estimate <= tried + 0.05, $"untried {untried.Estimate}, best tried {tried}");
    }
}
