using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.Hashtags.Domain;
using CreatorMeta.Hashtags.Infrastructure;

namespace CreatorMeta.Hashtags.Apis;

/// <summary>What every route's request rules share: a caption's size and form, a platform's name.</summary>
internal static class RequestRules
{
    /// <summary>The longest caption any platform takes is Facebook's 63,206 characters; a little more is room, 100 KB is not.</summary>
    public const int MaxText = 65_536;

    public static void CheckCaption(Dictionary<string, string[]> errors, string field, string? text, bool required)
    {
        if (text is null || text.Trim().Length == 0)
        {
            if (required)
                errors[field] = [$"{field} is required: the caption to read."];
        }
        else if (text.Length > MaxText)
            errors[field] = [$"{field} has at most {MaxText} characters."];
        else if (!StorableText.IsStorable(text))
            errors[field] = [$"{field}: {StorableText.Problem}"];
    }

    /// <summary>The platform in its one spelling, or an error; null when none was sent and none is required.</summary>
    public static string? Platform(Dictionary<string, string[]> errors, string? sent, bool required)
    {
        var platform = Platforms.Normalize(sent);
        if (platform is null && (sent is not null || required))
            errors["platform"] = ["platform " + Platforms.MustBeOneOf];
        return platform;
    }
}

/// <summary>POST /hashtags/extract: a caption, and the platform whose rules read it (emoji in tags or not).</summary>
public sealed record ExtractRequest(string? Text, string? Platform);

/// <summary>PUT /hashtags/taxonomy: the whole taxonomy, replacing the stored one.</summary>
public sealed record TaxonomyRequest(IReadOnlyList<TaxonomyRules.TagInput?>? Tags,
    IReadOnlyDictionary<string, IReadOnlyList<string?>?>? AlwaysInclude, IReadOnlyList<TaxonomyRules.BanInput?>? Banned);

/// <summary>GET /hashtags/performance and /hashtags/dataset.csv: which posts, which metric, the minimum uses and the recency half-life.</summary>
public sealed record PerformanceQuery(string? Platform, string? Account, DateTimeOffset? From, DateTimeOffset? To, string? Metric, int? MinUses,
    double? HalfLifeDays)
{
    public const int DefaultMinUses = 10;
    public const double DefaultHalfLifeDays = 180;

    public (PerformanceScope? Scope, string Metric, Dictionary<string, string[]> Errors) Validate()
    {
        var errors = new Dictionary<string, string[]>();
        var platform = RequestRules.Platform(errors, Platform, required: false);
        var account = AccountHandles.Normalize(Account);
        if (Account is not null && (account is null || !StorableText.IsStorable(account)))
            errors["account"] = [AccountHandles.Requirement];
        if (From > To)
            errors["from"] = ["from must not be after to."];
        var metric = Metric ?? TagEvidence.Score;
        if (!TagEvidence.Metrics.Contains(metric))
            errors["metric"] = [$"metric is one of: {string.Join(", ", TagEvidence.Metrics)}."];
        if (MinUses is < 2 or > 10_000)
            errors["minUses"] = ["minUses is from 2 to 10000."];
        if (HalfLifeDays is { } days && (!double.IsFinite(days) || days is not 0 and (< 1 or > 36_500)))
            errors["halfLifeDays"] = ["halfLifeDays is 0 (every post weighs alike) or from 1 to 36500."];
        return errors.Count > 0 ? (null, metric, errors)
            : (new PerformanceScope(platform, account, From?.ToUniversalTime(), To?.ToUniversalTime()), metric, errors);
    }
}

/// <summary>GET /hashtags/performance: which page of the tags, ranked (tested tags by q, then those without enough data by uses).</summary>
public sealed record PerformancePage(int? Limit, int? Offset)
{
    public const int DefaultLimit = 500, MaxLimit = 100_000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit)
            errors["limit"] = [$"limit is from 1 to {MaxLimit}."];
        if (Offset is < 0)
            errors["offset"] = ["offset is 0 or more."];
        return errors;
    }
}

/// <summary>One outside trend signal as posted to POST /hashtags/signals.</summary>
public sealed record SignalRequest(string? Platform, string? Tag, double? Score, DateTimeOffset? ObservedAt, string? Source);

/// <summary>POST /hashtags/signals: up to 1,000 signals, stored all or none.</summary>
public sealed record SignalsRequest(IReadOnlyList<SignalRequest?>? Signals)
{
    public const int MaxSignals = 1_000;
}

/// <summary>POST /hashtags/recommendations: the content (an asset, a caption, topics; any of them), the platform and how many tags.</summary>
public sealed record RecommendationRequest(Guid? AssetId, string? Caption, IReadOnlyList<string?>? Topics, string? Platform, int? Count)
{
    public Dictionary<string, string[]> Validate(out PlatformConventions? conventions)
    {
        var errors = new Dictionary<string, string[]>();
        RequestRules.CheckCaption(errors, "caption", Caption, required: false);
        var platform = RequestRules.Platform(errors, Platform, required: true);
        conventions = platform is null ? null : PlatformConventions.For(platform);
        if (Topics is { Count: > 50 } || Topics?.Any(t => t is null or { Length: > 200 } || !StorableText.IsStorable(t)) == true)
            errors["topics"] = ["topics is a list of at most 50 strings of up to 200 characters each."];
        if (conventions is not null && Count is { } count && (count < 1 || count > conventions.MaxTags))
            errors["count"] = [$"count is from 1 to {conventions.MaxTags}, the most {conventions.Platform} takes."];
        if (conventions is not null && !errors.ContainsKey("caption") && Caption is not null
            && conventions.LengthOf(Caption) > conventions.TextLimit)
            errors["caption"] = [$"The caption is longer than the {conventions.TextLimit} characters {conventions.Platform} takes, before any tag."];
        return errors;
    }
}

/// <summary>GET /hashtags/trending: which platform, the window compared with the one before it, as of when, how many of each.</summary>
public sealed record TrendingQuery(string? Platform, int? WindowDays, DateTimeOffset? AsOf, int? Limit)
{
    public const int DefaultWindowDays = 28, DefaultLimit = 50;

    public Dictionary<string, string[]> Validate(out string? platform)
    {
        var errors = new Dictionary<string, string[]>();
        platform = RequestRules.Platform(errors, Platform, required: false);
        if (WindowDays is < 1 or > 365)
            errors["windowDays"] = ["windowDays is from 1 to 365."];
        if (Limit is < 1 or > 500)
            errors["limit"] = ["limit is from 1 to 500."];
        if (AsOf is { } when && (when.UtcDateTime.Year < 1970 || when.UtcDateTime.Year > 2999))
            errors["asOf"] = ["asOf is a time between 1970 and 2999."];
        return errors;
    }
}
