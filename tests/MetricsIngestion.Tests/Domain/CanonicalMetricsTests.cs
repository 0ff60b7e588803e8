using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class CanonicalMetricsTests
{
    [Fact]
    public void Every_platform_maps_onto_the_same_twelve_metrics_of_which_only_the_audience_is_a_gauge()
    {
        Assert.Equal(
            new[] { "impressions", "reach", "views", "likes", "dislikes", "comments", "shares", "saves", "clicks", "watchTimeSeconds", "followersGained", "followers" },
            CanonicalMetrics.All.Select(m => m.Name));
        var gauge = Assert.Single(CanonicalMetrics.All, m => m.Kind == MetricKind.Gauge);
        Assert.Equal(CanonicalMetrics.Followers, gauge.Name);
    }

    [Theory]
    [InlineData("likes", true)]
    [InlineData("watchTimeSeconds", true)]
    [InlineData("Likes", false)]
    [InlineData("plays", false)]
    [InlineData("", false)]
    public void Only_canonical_names_spelled_exactly_are_known(string name, bool known)
    {
        Assert.Equal(known, CanonicalMetrics.IsKnown(name));
    }

    [Fact]
    public void No_name_is_not_a_known_metric()
    {
        Assert.False(CanonicalMetrics.IsKnown(null));
    }

    [Fact]
    public void A_metric_is_looked_up_by_name_with_its_kind_and_unit()
    {
        Assert.Equal(new CanonicalMetric("watchTimeSeconds", MetricKind.Counter, "seconds", "Total time spent watching the post."),
            CanonicalMetrics.Get(CanonicalMetrics.WatchTimeSeconds));
        Assert.Equal((MetricKind.Gauge, "accounts"), (CanonicalMetrics.Get("followers").Kind, CanonicalMetrics.Get("followers").Unit));
        Assert.Throws<KeyNotFoundException>(() => CanonicalMetrics.Get("plays"));
    }
}
