using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class GroupRatesTests
{
    private static IReadOnlyList<DerivedValue> Post(double likes, double? reach) => DerivedMetrics.Compute(
        reach is { } r ? new Dictionary<string, double> { ["likes"] = likes, ["reach"] = r } : new Dictionary<string, double> { ["likes"] = likes });

    [Fact]
    public void A_group_rate_is_given_as_a_ratio_of_sums_and_as_a_mean_of_ratios_over_the_posts_that_have_it()
    {
        var rate = GroupRates.Compute(DerivedMetrics.ByReach, [Post(10, 100), Post(90, 300), Post(500, null)]);

        Assert.Equal(("engagementRate.byReach", "engagement / reach", 2), (rate.Name, rate.Formula, rate.Posts));
        Assert.Equal(0.25, rate.RatioOfSums!.Value, 9); // (10 + 90) / (100 + 300)
        Assert.Equal(0.2, rate.MeanOfRatios!.Value, 9); // (0.1 + 0.3) / 2
    }

    [Fact]
    public void A_group_where_no_post_has_the_rate_has_neither_figure()
    {
        Assert.Equal(new GroupRate("engagementRate.byReach", "engagement / reach", null, null, 0),
            GroupRates.Compute(DerivedMetrics.ByReach, [Post(500, null), Post(10, 0)]));
        Assert.Equal(new GroupRate("ctr", "clicks / impressions", null, null, 0), GroupRates.Compute(DerivedMetrics.Ctr, []));
    }
}
