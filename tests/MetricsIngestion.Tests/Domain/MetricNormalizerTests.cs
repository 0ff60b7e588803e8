using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class MetricNormalizerTests
{
    private static readonly DateTimeOffset Since = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Observed = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static MetricMapping Row(string rawName, string canonical, MappingCombine combine = MappingCombine.Sum,
        MetricScope scope = MetricScope.Lifetime, double multiplier = 1) =>
        new(0, null, "x", "v2", rawName, canonical, scope, multiplier, combine, Since, null, null);

    private static readonly MappingSet Mappings = new([
        Row("like_count", "likes"),
        Row("retweet_count", "shares"),
        Row("quote_count", "shares"),
        Row("public_metrics.impression_count", "impressions", MappingCombine.Max),
        Row("non_public_metrics.impression_count", "impressions", MappingCombine.Max),
        Row("plays", "views"),
        Row("loops", "views"),
        Row("video_views", "views", MappingCombine.Max),
        Row("views_day", "views", scope: MetricScope.Day),
        Row("watch_minutes", "watchTimeSeconds", multiplier: 60),
    ]);

    private static NormalizedReading Normalize(params (string Name, RawValue Value)[] raw) =>
        MetricNormalizer.Normalize(Mappings, "x", Observed, raw.ToDictionary(r => r.Name, r => r.Value));

    [Fact]
    public void Fields_that_are_parts_of_a_total_are_added_with_their_rounding()
    {
        var shares = Normalize(("retweet_count", RawValues.Read("1.2K")), ("quote_count", RawValue.Exact(5))).Lifetime["shares"];

        Assert.Equal((1_205d, 50d), (shares.Value, shares.Uncertainty));
        Assert.Equal(new[] { "quote_count", "retweet_count" }, shares.From);
    }

    [Fact]
    public void Of_other_names_for_the_same_total_the_largest_is_taken()
    {
        var impressions = Normalize(("public_metrics.impression_count", RawValues.Read("1.2K")),
            ("non_public_metrics.impression_count", RawValue.Exact(1_100))).Lifetime["impressions"];

        Assert.Equal((1_200d, 50d), (impressions.Value, impressions.Uncertainty));
        Assert.Equal(new[] { "public_metrics.impression_count" }, impressions.From);
    }

    [Theory]
    [InlineData(450, 500, "loops,plays")]
    [InlineData(500, 500, "loops,plays")]
    [InlineData(600, 600, "video_views")]
    public void When_a_sum_and_another_name_for_the_total_are_both_read_the_larger_stands(double videoViews, double expected, string from)
    {
        var views = Normalize(("plays", RawValue.Exact(300)), ("loops", RawValue.Exact(200)), ("video_views", RawValue.Exact(videoViews)))
            .Lifetime["views"];

        Assert.Equal(expected, views.Value);
        Assert.Equal(from.Split(','), views.From);
    }

    [Fact]
    public void Each_field_is_scaled_by_its_multiplier_and_so_is_its_rounding()
    {
        var watch = Normalize(("watch_minutes", RawValues.Read("1.5K"))).Lifetime["watchTimeSeconds"];

        Assert.Equal((90_000d, 3_000d), (watch.Value, watch.Uncertainty)); // 1,500 ± 50 minutes
    }

    [Fact]
    public void A_windowed_value_is_kept_to_its_scope_and_never_added_to_the_lifetime_total()
    {
        var reading = Normalize(("plays", RawValue.Exact(500)), ("views_day", RawValue.Exact(40)));

        Assert.Equal(500, reading.Lifetime["views"].Value);
        var day = Assert.Single(reading.Windowed);
        Assert.Equal(("views", MetricScope.Day, 40d), (day.Key.Metric, day.Key.Scope, day.Value.Value));
    }

    [Fact]
    public void Unmapped_absent_and_invalid_fields_are_kept_beside_the_reading_and_given_no_value()
    {
        var reading = Normalize(
            ("caption_length", RawValue.Exact(12)),
            ("like_count", RawValue.Absent),
            ("mystery", RawValue.Absent),
            ("retweet_count", RawValues.Read("abc")),
            ("bogus", RawValue.Invalid("cannot be negative")));

        Assert.Empty(reading.Lifetime);
        Assert.Empty(reading.Windowed);
        // A field no row maps is kept whatever it holds; only a mapped field's value has to be a count.
        Assert.Equal(new[] { "bogus", "caption_length", "mystery" }, reading.Unmapped);
        Assert.Equal(new[] { "like_count" }, reading.Absent);
        Assert.Equal(new Dictionary<string, string> { ["retweet_count"] = "'abc' is not a count" }, reading.Invalid);
    }

    [Fact]
    public void A_field_read_before_its_mapping_row_took_effect_is_unmapped()
    {
        var reading = MetricNormalizer.Normalize(Mappings, "x", Since.AddDays(-1),
            new Dictionary<string, RawValue> { ["like_count"] = RawValue.Exact(3) });

        Assert.Empty(reading.Lifetime);
        Assert.Equal(new[] { "like_count" }, reading.Unmapped);
    }
}
