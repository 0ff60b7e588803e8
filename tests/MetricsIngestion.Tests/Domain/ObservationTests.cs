using System.Globalization;
using System.Text.Json;
using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Domain;
using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class ObservationTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, JsonElement> Metrics(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());

    private static readonly Dictionary<string, JsonElement> FiveLikes = Metrics("""{"like_count": 5}""");

    private static Dictionary<string, string[]> Validate(string? externalPostId = "7300", string? sourceEventId = "evt-1",
        IReadOnlyDictionary<string, JsonElement>? metrics = null) =>
        Observation.Validate("tiktok", "@jamal", externalPostId, Now.AddHours(-1), "api", sourceEventId, metrics ?? FiveLikes, Now);

    private static string ValueProblem(string name, string problem) =>
        $"'{name}' {problem}: a value is a number, a numeric string like \"541.2K\" or \"1,234\", short text or null.";

    private static readonly MappingSet LikesMapped = new([new MetricMapping(1, null, "tiktok", "display-api", "like_count", "likes",
        MetricScope.Lifetime, 1, MappingCombine.Max, DateTimeOffset.UnixEpoch, null, null)]);

    [Theory]
    [InlineData("""{"like_count": 5}""")]
    [InlineData("""{"like_count": "541.2K", "view_count": "1,234"}""")]
    [InlineData("""{"like_count": null, "saves": "-"}""")]
    [InlineData("""{"data_status": "READY"}""")]
    [InlineData("""{}""")]
    public void A_complete_observation_has_no_problems_an_empty_set_and_text_in_unknown_fields_included(string metrics)
    {
        Assert.Empty(Validate(metrics: Metrics(metrics)));
    }

    [Fact]
    public void Every_missing_field_is_named_at_once()
    {
        var errors = Observation.Validate(null, null, null, null, null, null, null, Now);

        Assert.Equal(new[] { "account", "externalPostId", "metrics", "observedAt", "platform", "source", "sourceEventId" }, errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "externalPostId is required, with at most 200 characters." }, errors["externalPostId"]);
        Assert.Equal(new[] { "metrics is required: an object of the fields as the platform names them (it may be empty)." }, errors["metrics"]);
    }

    [Fact]
    public void Blank_ids_are_missing()
    {
        var errors = Validate(" ", "");

        Assert.Equal(new[] { "externalPostId", "sourceEventId" }, errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_longer_than_200_characters_or_holding_a_nul_are_refused()
    {
        Assert.Empty(Validate(new string('p', 200), new string('e', 200)));
        Assert.True(Validate(externalPostId: new string('p', 201)).ContainsKey("externalPostId"));
        Assert.True(Validate(externalPostId: "73\0").ContainsKey("externalPostId"));
        Assert.True(Validate(sourceEventId: new string('e', 201)).ContainsKey("sourceEventId"));
    }

    [Fact]
    public void More_than_200_metrics_or_a_metric_name_that_is_empty_too_long_or_unstorable_is_refused()
    {
        var five = FiveLikes["like_count"];
        const string problem = "At most 200 metrics, each named in 1 to 200 characters.";

        Assert.Empty(Validate(metrics: Enumerable.Range(0, 200).ToDictionary(i => $"m{i}", _ => five)));
        Assert.Equal(new[] { problem }, Validate(metrics: Enumerable.Range(0, 201).ToDictionary(i => $"m{i}", _ => five))["metrics"]);
        Assert.Equal(new[] { problem }, Validate(metrics: new Dictionary<string, JsonElement> { [""] = five })["metrics"]);
        Assert.Equal(new[] { problem }, Validate(metrics: new Dictionary<string, JsonElement> { [new string('m', 201)] = five })["metrics"]);
        Assert.Equal(new[] { problem }, Validate(metrics: new Dictionary<string, JsonElement> { ["like\0count"] = five })["metrics"]);
    }

    [Theory]
    [InlineData("""{"like_count": true}""", "must be a number, text or null")]
    [InlineData("""{"like_count": {"a": 1}}""", "must be a number, text or null")]
    [InlineData("""{"like_count": 1e400}""", "is out of range")]
    [InlineData("""{"like_count": 1e-1001}""", "is out of range")]
    [InlineData("""{"like_count": 12345678901234567890123456789012345678901}""", "is out of range")]
    [InlineData("""{"like_count": "5\u0000"}""", "is too long or not storable text")]
    [InlineData("""{"like_count": "\ud800"}""", "is not valid text")]
    public void A_value_no_column_can_hold_is_refused_naming_the_field(string metrics, string problem)
    {
        Assert.Equal(new[] { ValueProblem("like_count", problem) }, Validate(metrics: Metrics(metrics))["metrics"]);
    }

    [Fact]
    public void Text_longer_than_100_characters_is_refused()
    {
        var metrics = new Dictionary<string, JsonElement> { ["note"] = JsonSerializer.SerializeToElement(new string('1', 101)) };

        Assert.Equal(new[] { ValueProblem("note", "is too long or not storable text") }, Validate(metrics: metrics)["metrics"]);
    }

    [Theory]
    [InlineData("""{"like_count": "lots"}""", "'like_count' 'lots' is not a count: it is a count.")]
    [InlineData("""{"like_count": -3}""", "'like_count' cannot be negative: it is a count.")]
    [InlineData("""{"like_count": 2e15}""", "'like_count' is too large to be a count: it is a count.")]
    public void A_field_that_maps_to_a_metric_must_hold_a_count(string metrics, string problem)
    {
        Assert.Equal(new[] { problem }, Observation.CountProblems(Metrics(metrics), LikesMapped, "tiktok", Now)["metrics"]);
    }

    [Fact]
    public void A_field_nothing_maps_may_hold_anything_storable_and_is_kept()
    {
        Assert.Empty(Observation.CountProblems(Metrics("""{"like_count": 3, "data_status": "PROCESSING", "delta": -2}"""), LikesMapped, "tiktok", Now));
        Assert.Empty(Observation.CountProblems(Metrics("""{"like_count": "lots"}"""), LikesMapped, "instagram", Now));
    }

    [Fact]
    public void Creating_an_observation_writes_platform_account_and_post_id_in_their_one_spelling()
    {
        var observation = Observation.Create("ws", "Twitter", " @Jamal ", " 1789 ", Now, "api", "e1", FiveLikes);

        Assert.Equal(("x", "@jamal", "1789"), (observation.Platform, observation.Account, observation.ExternalPostId));
    }

    [Theory]
    [InlineData("myspace", "platform")]
    [InlineData("", "platform")]
    [InlineData(" @ ", "account")]
    [InlineData("", "account")]
    public void An_unknown_platform_or_an_empty_account_is_refused(string value, string field)
    {
        var errors = field == "platform"
            ? Observation.ValidateSource(value, "@jamal", Now, "api", Now)
            : Observation.ValidateSource("tiktok", value, Now, "api", Now);

        var message = Assert.Single(errors[field]);
        Assert.Equal(field == "platform" ? "Platform " + Platforms.MustBeOneOf : AccountHandles.Requirement, message);
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("Twitter", "@Jamal")]
    [InlineData("youtube", "UCabcdefghijklmnopqrstuv")]
    public void Platform_and_account_are_accepted_in_any_of_their_spellings(string platform, string account)
    {
        Assert.Empty(Observation.ValidateSource(platform, account, Now, "api", Now));
    }

    [Theory]
    [InlineData("2025-05-01T12:05:00Z", true)]
    [InlineData("2025-05-01T12:05:01Z", false)]
    [InlineData("2000-01-01T00:00:00Z", true)]
    [InlineData("1999-12-31T23:59:59Z", false)]
    public void An_observation_time_is_from_2000_on_and_at_most_five_minutes_ahead_of_the_clock(string observedAt, bool valid)
    {
        var errors = Observation.ValidateSource("tiktok", "@jamal", DateTimeOffset.Parse(observedAt, CultureInfo.InvariantCulture), "api", Now);

        Assert.Equal(valid, !errors.ContainsKey("observedAt"));
        if (!valid)
            Assert.Equal(new[] { "observedAt is required, from 2000 on, and cannot be in the future." }, errors["observedAt"]);
    }

    [Theory]
    [InlineData("api", true)]
    [InlineData("manual", true)]
    [InlineData("API", false)]
    [InlineData("email", false)]
    public void The_source_is_one_of_the_known_ones_spelled_exactly(string source, bool valid)
    {
        var errors = Observation.ValidateSource("tiktok", "@jamal", Now, source, Now);

        Assert.Equal(valid ? Array.Empty<string>() : new[] { "source" }, errors.Keys);
        if (!valid)
            Assert.Equal(new[] { "source must be one of: api, webhook, csv, scrape, manual." }, errors["source"]);
    }
}
