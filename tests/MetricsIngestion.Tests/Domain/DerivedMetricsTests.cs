using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class DerivedMetricsTests
{
    private static Dictionary<string, double> Everything() => new()
    {
        ["likes"] = 10, ["comments"] = 5, ["shares"] = 3, ["saves"] = 2,
        ["reach"] = 100, ["impressions"] = 200, ["views"] = 400, ["followers"] = 1_000, ["clicks"] = 4,
    };

    private static DerivedValue Find(IReadOnlyList<DerivedValue> derived, string name) => derived.Single(d => d.Name == name);

    [Fact]
    public void Engagement_and_every_rate_are_computed_in_a_fixed_order_with_their_formulas()
    {
        var derived = DerivedMetrics.Compute(Everything());

        Assert.Equal(new[] { "engagement", "engagementRate.byReach", "engagementRate.byImpressions", "engagementRate.byViews", "engagementRate.byFollowers", "ctr" },
            derived.Select(d => d.Name));
        Assert.Equal(new double?[] { 20, 0.2, 0.1, 0.05, 0.02, 0.02 }, derived.Select(d => d.Value));
        Assert.Equal(DerivedMetrics.Definitions.Select(d => d.Formula), derived.Select(d => d.Formula));
        Assert.All(derived, d => Assert.Null(d.Missing));
    }

    [Fact]
    public void A_rate_keeps_what_it_counted_and_its_numerator_and_denominator()
    {
        var derived = DerivedMetrics.Compute(Everything());

        Assert.Equal(new[] { "likes", "comments", "shares", "saves" }, Find(derived, "engagement").Counted);
        var byReach = Find(derived, "engagementRate.byReach");
        Assert.Equal((0.2, 20d, 100d), (byReach.Value!.Value, byReach.Numerator!.Value, byReach.Denominator!.Value));
        Assert.Equal(new[] { "likes", "comments", "shares", "saves", "reach" }, byReach.Counted);
        var ctr = Find(derived, "ctr");
        Assert.Equal((4d, 200d), (ctr.Numerator!.Value, ctr.Denominator!.Value));
        Assert.Equal(new[] { "clicks", "impressions" }, ctr.Counted);
    }

    [Fact]
    public void Engagement_names_only_the_interactions_the_platform_reported()
    {
        var engagement = Find(DerivedMetrics.Compute(new Dictionary<string, double> { ["saves"] = 7, ["likes"] = 3, ["views"] = 50 }), "engagement");

        Assert.Equal(10, engagement.Value);
        Assert.Equal(new[] { "likes", "saves" }, engagement.Counted);
    }

    [Fact]
    public void Without_interactions_there_is_no_engagement_and_no_engagement_rate()
    {
        var derived = DerivedMetrics.Compute(new Dictionary<string, double> { ["reach"] = 100, ["impressions"] = 200, ["clicks"] = 4 });

        Assert.Equal(((double?)null, "No likes, comments, shares or saves observed."), (Find(derived, "engagement").Value, Find(derived, "engagement").Missing));
        Assert.Empty(Find(derived, "engagement").Counted);
        Assert.All(derived.Where(d => d.Name.StartsWith("engagementRate.", StringComparison.Ordinal)), d =>
        {
            Assert.Null(d.Value);
            Assert.Equal("No engagement observed.", d.Missing);
            Assert.Empty(d.Counted);
        });
        Assert.Equal(0.02, Find(derived, "ctr").Value);
    }

    [Fact]
    public void Without_clicks_there_is_no_click_through_rate()
    {
        var values = Everything();
        values.Remove("clicks");

        var ctr = Find(DerivedMetrics.Compute(values), "ctr");

        Assert.Equal(((double?)null, "No clicks observed."), (ctr.Value, ctr.Missing));
        Assert.Null(ctr.Numerator);
    }

    [Theory]
    [InlineData("engagementRate.byReach", "reach")]
    [InlineData("engagementRate.byImpressions", "impressions")]
    [InlineData("engagementRate.byViews", "views")]
    [InlineData("engagementRate.byFollowers", "followers")]
    [InlineData("ctr", "impressions")]
    public void A_rate_without_its_denominator_is_missing_and_names_it(string rate, string denominator)
    {
        var values = Everything();
        values.Remove(denominator);

        var derived = Find(DerivedMetrics.Compute(values), rate);

        Assert.Equal(((double?)null, $"No {denominator} observed."), (derived.Value, derived.Missing));
        Assert.Empty(derived.Counted);
    }

    [Theory]
    [InlineData("engagementRate.byReach", "reach")]
    [InlineData("engagementRate.byImpressions", "impressions")]
    [InlineData("engagementRate.byViews", "views")]
    [InlineData("engagementRate.byFollowers", "followers")]
    [InlineData("ctr", "impressions")]
    public void A_rate_over_a_zero_denominator_is_missing_and_says_so(string rate, string denominator)
    {
        var values = Everything();
        values[denominator] = 0;

        var derived = Find(DerivedMetrics.Compute(values), rate);

        Assert.Equal(((double?)null, $"{denominator} is 0."), (derived.Value, derived.Missing));
        Assert.Null(derived.Denominator);
    }

    [Fact]
    public void Every_derived_number_has_a_definition()
    {
        Assert.Equal("clicks / impressions", DerivedMetrics.Formula(DerivedMetrics.Ctr));
        Assert.Equal("likes + comments + shares + saves", DerivedMetrics.Formula(DerivedMetrics.Engagement));
        Assert.Equal(new[] { "engagementRate.byReach", "engagementRate.byViews", "engagementRate.byImpressions", "engagementRate.byFollowers" },
            DerivedMetrics.HeadlineRates);
    }

    [Fact]
    public void A_rate_too_large_for_a_number_is_missing_with_the_reason_not_infinite()
    {
        // A tiny multiplier on a mapping can leave a huge engagement over a tiny audience: no infinity reaches the document.
        var rate = Find(DerivedMetrics.Compute(new Dictionary<string, double> { ["likes"] = 1e306, ["views"] = 1e-6 }), "engagementRate.byViews");

        Assert.Equal((null, "The ratio to views is too large to hold."), (rate.Value, rate.Missing));
    }
}
