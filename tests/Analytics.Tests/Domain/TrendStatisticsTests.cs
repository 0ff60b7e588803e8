using CreatorMeta.ServiceDefaults.Statistics;
using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.Trends;

namespace CreatorMeta.Analytics.Tests.Domain;

public sealed class TrendStatisticsTests
{
    [Fact]
    public void Q_values_never_fall_below_their_p_value_and_keep_its_order()
    {
        double[] p = [0.04, 0.001, 0.03, 0.5, 0.03];

        var q = FalseDiscovery.QValues(p);

        // 5 tests: 0.001·5/1, then 0.03·5/3 for both ties (ranks 2 and 3), 0.04·5/4, 0.5·5/5.
        Assert.Equal([0.05, 0.005, 0.05, 0.5, 0.05], q.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Groups_that_do_not_vary_or_have_one_post_are_not_tested()
    {
        Assert.Null(Welch.Compare(Of([0.5, 0.5, 0.5]), Of([0.5, 0.5])));
        Assert.Null(Welch.Compare(Of([0.9]), Of([0.1, 0.2, 0.3])));
        Assert.NotNull(Welch.Compare(Of([0.5, 0.5, 0.5]), Of([0.1, 0.2])));
    }

    private static Moments Of(double[] values)
    {
        var mean = values.Average();
        return new(values.Length, mean, values.Length > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) : 0);
    }

    [Fact]
    public void A_value_too_rare_or_too_common_to_compare_is_listed_with_the_reason_and_never_ranked()
    {
        var rows = Enumerable.Range(0, 12).Select(i => Row(i, i < 2 ? ["rare"] : ["common"]));

        var effects = TrendAnalysis.Analyse(AnalysisTable.Of("score", rows), minPosts: 3);

        var rare = effects.Single(e => e.Value == "rare");
        Assert.Equal((2, null, null), (rare.N, rare.P, rare.Q));
        Assert.Contains("2 posts of 2 assets, 3 assets needed", rare.NotTested);
        Assert.Contains("only 2 assets without it", effects.Single(e => e.Value == "common").NotTested);
    }

    [Fact]
    public void One_asset_posted_on_many_accounts_is_one_piece_of_evidence_not_many()
    {
        var asset = Guid.NewGuid();
        var rows = Enumerable.Range(0, 12).Select(i => Row(i, i < 5 ? ["crossposted"] : ["other"]) with { AssetId = i < 5 ? asset : Guid.NewGuid() });

        var crossposted = TrendAnalysis.Analyse(AnalysisTable.Of("score", rows), minPosts: 3).Single(e => e.Value == "crossposted");

        Assert.Equal((5, (double?)null), (crossposted.N, crossposted.Q));
        Assert.Contains("5 posts of 1 assets", crossposted.NotTested);
    }

    private static AnalysisRow Row(int i, string[] topics) => new(Guid.NewGuid(), Guid.NewGuid(), "instagram", "@jamal", DateTimeOffset.UnixEpoch,
        "UTC", DayOfWeek.Monday, i % 24, "video", null, null, null, 0, 0, topics, [], i / 12.0, null);
}
