using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class ResolutionSettingsTests
{
    private const string PrecedenceError = "List every source once, most trusted first: api, webhook, csv, scrape, manual.";

    [Fact]
    public void By_default_the_api_is_trusted_first_sources_ten_percent_apart_conflict_and_ten_posts_make_a_baseline()
    {
        Assert.Equal(new[] { "api", "webhook", "csv", "scrape", "manual" }, ResolutionSettings.Default.SourcePrecedence);
        Assert.Equal((0.10, 10), (ResolutionSettings.Default.ConflictMargin, ResolutionSettings.Default.MinBaselinePosts));
    }

    [Theory]
    [InlineData("api", 0)]
    [InlineData("scrape", 3)]
    [InlineData("manual", 4)]
    [InlineData("fax", 5)]
    public void A_source_ranks_by_its_place_in_the_precedence_and_an_unknown_one_last(string source, int rank)
    {
        Assert.Equal(rank, ResolutionSettings.Default.Rank(source));
    }

    [Fact]
    public void A_workspace_can_trust_its_own_numbers_first()
    {
        var settings = ResolutionSettings.Default with { SourcePrecedence = ["manual", "api", "webhook", "csv", "scrape"] };

        Assert.Equal((0, 1), (settings.Rank("manual"), settings.Rank("api")));
    }

    [Fact]
    public void Settings_left_out_or_within_their_ranges_are_valid()
    {
        Assert.Empty(ResolutionSettings.Validate(null, null, null));
        Assert.Empty(ResolutionSettings.Validate(["manual", "scrape", "csv", "webhook", "api"], 0, 1));
        Assert.Empty(ResolutionSettings.Validate(null, 1, 10_000));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("api,webhook,csv,scrape,manual,api")]
    [InlineData("api,api,csv,scrape,manual")]
    [InlineData("api,webhook,csv,scrape,fax")]
    [InlineData("API,webhook,csv,scrape,manual")]
    public void A_precedence_that_does_not_list_every_source_once_is_refused(string precedence)
    {
        var errors = ResolutionSettings.Validate(precedence.Split(','), null, null);

        Assert.Equal(PrecedenceError, Assert.Single(Assert.Single(errors, e => e.Key == "sourcePrecedence").Value));
        Assert.Single(errors);
    }

    [Fact]
    public void A_precedence_with_a_missing_entry_is_refused()
    {
        var errors = ResolutionSettings.Validate(["api", "webhook", "csv", "scrape", null], null, null);

        Assert.Equal(new[] { PrecedenceError }, errors["sourcePrecedence"]);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_conflict_margin_outside_zero_to_one_is_refused(double margin)
    {
        var errors = ResolutionSettings.Validate(null, margin, null);

        Assert.Equal(new[] { "conflictMargin is a fraction from 0 to 1 (0.1 flags sources more than 10 % apart)." }, Assert.Single(errors).Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_001)]
    public void A_baseline_size_outside_one_to_ten_thousand_is_refused(int minBaselinePosts)
    {
        var errors = ResolutionSettings.Validate(null, null, minBaselinePosts);

        Assert.Equal(new[] { "minBaselinePosts is from 1 to 10000." }, Assert.Single(errors).Value);
    }

    [Fact]
    public void Every_invalid_setting_is_reported_at_once()
    {
        var errors = ResolutionSettings.Validate(["api"], 2, 0);

        Assert.Equal(new[] { "conflictMargin", "minBaselinePosts", "sourcePrecedence" }, errors.Keys.Order(StringComparer.Ordinal));
    }
}
