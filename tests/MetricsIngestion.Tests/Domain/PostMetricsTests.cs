using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class PostMetricsTests
{
    private static readonly DateTimeOffset Published = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Published.AddDays(2);

    private static ResolvedPost Post(params (string Metric, double Value)[] values) => PostResolution.Resolve(
        [
            new Reading(1, Published.AddHours(-1), "api", Values([], ("likes", 1))),
            new Reading(2, Published.AddHours(1), "api", Values(["plays"], values)),
        ], Published, Now, ResolutionSettings.Default);

    private static NormalizedReading Values(string[] unmapped, params (string Metric, double Value)[] values) => new(
        values.ToDictionary(v => v.Metric, v => new CanonicalValue(v.Value, 0, [v.Metric])),
        new Dictionary<(string, MetricScope), CanonicalValue>(), unmapped, [], new Dictionary<string, string>());

    private static PostMetrics Metrics(params (string Metric, double Value)[] values) =>
        PostMetrics.From(Post(values), BaselineScore.Unscored("thin"), 2, Now);

    [Fact]
    public void The_stored_metrics_carry_everything_the_post_resolved_to()
    {
        var post = Post(("likes", 30), ("comments", 10), ("reach", 400));

        var metrics = PostMetrics.From(post, BaselineScore.Unscored("thin"), 2, Now);

        Assert.Same(post.Resolution.Current, metrics.Values);
        Assert.Same(post.Derived, metrics.Derived);
        Assert.Same(post.Ages, metrics.Ages);
        Assert.Same(post.Resolution.Curve, metrics.Growth);
        Assert.Equal(new[] { "plays" }, metrics.UnmappedFields);
        Assert.Equal(new long[] { 1 }, metrics.SetAsideBeforePublication);
        Assert.Equal(("thin", 2, Now), (metrics.Score.Reason, metrics.Observations, metrics.ResolvedAt));
        Assert.Empty(metrics.Windowed);
        Assert.Empty(metrics.Decreases);
        Assert.Empty(metrics.Conflicts);
    }

    [Fact]
    public void The_headline_rate_is_engagement_by_reach_when_reach_is_known_and_says_what_it_counted()
    {
        var (rate, definition) = Metrics(("likes", 30), ("comments", 10), ("reach", 400), ("views", 1_000)).HeadlineRate();

        Assert.Equal(0.1, rate!.Value, 9);
        Assert.Equal("engagementRate.byReach = engagement / reach; engagement = likes + comments", definition);
    }

    [Fact]
    public void Without_reach_the_headline_rate_falls_back_to_views()
    {
        var (rate, definition) = Metrics(("likes", 30), ("saves", 10), ("views", 800), ("impressions", 2_000)).HeadlineRate();

        Assert.Equal(0.05, rate!.Value, 9);
        Assert.Equal("engagementRate.byViews = engagement / views; engagement = likes + saves", definition);
    }

    [Fact]
    public void A_post_with_no_rate_has_no_headline_rate()
    {
        Assert.Equal(((double?)null, (string?)null), Metrics(("likes", 30)).HeadlineRate());
    }
}
