using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class BaselineScoreTests
{
    [Fact]
    public void A_baseline_thinner_than_the_workspace_asks_for_gives_no_score_and_says_why()
    {
        Assert.Equal(new Score(null, null, "engagement", "24h", 2, "The baseline has 2 comparable posts at 24h; scores start at 3."),
            BaselineScore.Compute(50, "24h", [10, 20], 3));
    }

    [Fact]
    public void Against_an_odd_baseline_the_score_is_the_share_beaten_and_the_distance_from_the_median_in_scaled_mads()
    {
        var score = BaselineScore.Compute(960, "24h", [240, 480, 720], 3);

        Assert.Equal((1d, "engagement", "24h", 3), (score.Percentile!.Value, score.Metric, score.Age, score.BaselinePosts));
        Assert.Equal(1.348982, score.RobustZ!.Value, 6); // (960 - 480) / (1.4826 × 240)
        Assert.Null(score.Reason);
    }

    [Fact]
    public void Against_an_even_baseline_the_median_is_the_mean_of_the_middle_two()
    {
        var score = BaselineScore.Compute(40, "7d", [30, 10, 40, 20], 1);

        Assert.Equal(0.875, score.Percentile); // 3 below and 1 equal of 4
        Assert.Equal(1.011736, score.RobustZ!.Value, 6); // median 25, MAD (5 + 15) / 2 = 10: 15 / 14.826
    }

    [Theory]
    [InlineData(20, 0.5)]
    [InlineData(5, 0)]
    [InlineData(30, 0.875)]
    public void Posts_tied_with_the_value_count_half(double value, double percentile)
    {
        Assert.Equal(percentile, BaselineScore.Compute(value, "1h", [10, 20, 20, 30], 4).Percentile);
    }

    [Fact]
    public void When_most_of_the_baseline_is_one_value_the_mean_absolute_deviation_stands_in_for_the_mad()
    {
        var score = BaselineScore.Compute(30, "24h", [10, 10, 10, 10, 50], 5);

        Assert.Equal(1.994734, score.RobustZ!.Value, 6); // MAD 0; mean deviation 40 / 5 = 8: 20 / (1.2533 × 8)
    }

    [Fact]
    public void Against_a_baseline_of_one_value_the_same_value_is_at_zero_and_any_other_has_no_distance()
    {
        var same = BaselineScore.Compute(10, "24h", [10, 10, 10], 3);
        var other = BaselineScore.Compute(12, "24h", [10, 10, 10], 3);

        Assert.Equal((0.5, 0d), (same.Percentile!.Value, same.RobustZ!.Value));
        Assert.Equal(1, other.Percentile);
        Assert.Null(other.RobustZ);
    }

    [Fact]
    public void An_unscored_post_carries_only_its_reason()
    {
        Assert.Equal(new Score(null, null, "engagement", null, 0, "No engagement at a standard age yet."),
            BaselineScore.Unscored("No engagement at a standard age yet."));
    }

    [Fact]
    public void A_baseline_ordered_once_places_every_value_as_counting_it_afresh_would()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            // Small integers, so ties are common.
            var values = Enumerable.Range(0, random.Next(1, 40)).Select(_ => (double)random.Next(0, 12)).ToList();
            var baseline = Baseline.Of(values);
            for (var value = -1d; value <= 12; value += 0.5)
                Assert.Equal((values.Count(v => v < value) + 0.5 * values.Count(v => v == value)) / values.Count, baseline.Percentile(value), 12);
        }
    }

    [Fact]
    public void A_distance_from_the_median_too_large_for_a_number_has_no_robust_z()
    {
        var score = BaselineScore.Compute(1e300, "24h", [0, 1e-300, 2e-300], 1);

        Assert.Equal((1.0, (double?)null), (score.Percentile!.Value, score.RobustZ));
    }
}
