using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class PostResolutionTests
{
    private static readonly DateTimeOffset Published = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static Reading At(long id, double hours, string[] unmapped, params (string Metric, double Value)[] values) =>
        new(id, Published.AddHours(hours), "api", new NormalizedReading(
            values.ToDictionary(v => v.Metric, v => new CanonicalValue(v.Value, 0, [v.Metric])),
            new Dictionary<(string, MetricScope), CanonicalValue>(), unmapped, [], new Dictionary<string, string>()));

    private static readonly Reading[] Readings =
    [
        At(7, -1, [], ("likes", 999)),
        At(8, 1, ["plays", "alpha"], ("likes", 100), ("comments", 10)),
        At(9, 24, ["plays"], ("likes", 300), ("comments", 20)),
    ];

    [Fact]
    public void Readings_from_before_publication_are_set_aside_by_id_and_count_for_nothing()
    {
        var post = PostResolution.Resolve(Readings, Published, Published.AddDays(2), ResolutionSettings.Default);

        Assert.Equal(new long[] { 7 }, post.BeforePublication);
        Assert.Equal(300, post.Resolution.Current["likes"].Value);
        Assert.Empty(post.Resolution.Decreases);
        Assert.Equal(new[] { T(1), T(24) }, post.Resolution.Curve.Select(p => p.ObservedAt));
        Assert.Equal(new[] { "alpha", "plays" }, post.Unmapped);
        Assert.Equal(320, post.Derived.Single(d => d.Name == DerivedMetrics.Engagement).Value);
    }

    [Fact]
    public void The_score_is_taken_at_the_oldest_age_with_a_fair_engagement_value()
    {
        var twoDays = PostResolution.Resolve(Readings, Published, Published.AddDays(2), ResolutionSettings.Default);
        var eightDays = PostResolution.Resolve(Readings, Published, Published.AddDays(8), ResolutionSettings.Default);

        Assert.Equal(new ScoreBasis("24h", 320), twoDays.ScoreBasis);
        // At 7 d the last reading (24 h) is only held, so the score stays at 24 h.
        Assert.Equal(new[] { "1h", "24h", "7d" }, eightDays.Ages.Select(a => a.Age));
        Assert.Equal(new ScoreBasis("24h", 320), eightDays.ScoreBasis);
        Assert.Equal(110, eightDays.Ages[0].Values[DerivedMetrics.Engagement].Value);
    }

    [Fact]
    public void A_post_whose_publication_time_is_unknown_keeps_every_reading_and_has_no_ages_or_score_basis()
    {
        var post = PostResolution.Resolve(Readings, null, Published.AddDays(2), ResolutionSettings.Default);

        Assert.Empty(post.BeforePublication);
        Assert.Empty(post.Ages);
        Assert.Null(post.ScoreBasis);
        // The 999 read first now counts, and the same source's 100 after it is a decrease.
        var decrease = Assert.Single(post.Resolution.Decreases);
        Assert.Equal((999d, 100d), (decrease.From, decrease.To));
        Assert.Equal(300, post.Resolution.Current["likes"].Value);
    }

    [Fact]
    public void A_post_without_interactions_has_ages_but_no_score_basis()
    {
        var post = PostResolution.Resolve([At(1, 1, [], ("views", 500))], Published, Published.AddDays(2), ResolutionSettings.Default);

        Assert.Equal(new[] { "1h", "24h" }, post.Ages.Select(a => a.Age));
        Assert.Null(post.ScoreBasis);
        Assert.Empty(post.Unmapped);
    }

    private static DateTimeOffset T(double hours) => Published.AddHours(hours);
}
