using System.Globalization;
using System.Text.Json;
using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.ServiceDefaults.Problems;

namespace CreatorMeta.MetricsIngestion.Domain;

/// <summary>One raw reading of a post's numbers, kept exactly as the source named them.</summary>
public sealed record Observation(
    string WorkspaceId, string Platform, string Account, string ExternalPostId, DateTimeOffset ObservedAt,
    string Source, string SourceEventId, IReadOnlyDictionary<string, JsonElement> Metrics)
{
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly IReadOnlySet<string> Sources = Resolution.ResolutionSettings.Sources.ToHashSet();

    /// <summary>A validated reading with its platform, account and post id in their one spelling: the only way one is made.</summary>
    public static Observation Create(string workspace, string platform, string account, string externalPostId, DateTimeOffset observedAt,
        string source, string sourceEventId, IReadOnlyDictionary<string, JsonElement> metrics) =>
        new(workspace, Platforms.Normalize(platform)!, AccountHandles.Normalize(account)!, externalPostId.Trim(), observedAt, source,
            sourceEventId, metrics);

    /// <summary>
    /// Every problem with the observation's shape, by field; empty when it can be stored. Values are numbers, text or null;
    /// an empty set of metrics is a reading too (Instagram answers with nothing while its data is not ready). Whether a
    /// value is a count is for <see cref="CountProblems"/>, which knows what each field means.
    /// </summary>
    public static Dictionary<string, string[]> Validate(string? platform, string? account, string? externalPostId,
        DateTimeOffset? observedAt, string? source, string? sourceEventId, IReadOnlyDictionary<string, JsonElement>? metrics, DateTimeOffset now)
    {
        var errors = ValidateSource(platform, account, observedAt, source, now);
        if (string.IsNullOrWhiteSpace(externalPostId) || externalPostId.Length > 200 || !StorableText.IsStorable(externalPostId))
            errors["externalPostId"] = ["externalPostId is required, with at most 200 characters."];
        if (string.IsNullOrWhiteSpace(sourceEventId) || sourceEventId.Length > 200 || !StorableText.IsStorable(sourceEventId))
            errors["sourceEventId"] = ["sourceEventId is required (at most 200 characters): it is what makes a redelivery count once."];
        if (metrics is null)
            errors["metrics"] = ["metrics is required: an object of the fields as the platform names them (it may be empty)."];
        else if (metrics.Count > 200 || metrics.Keys.Any(name => name.Length is 0 or > 200 || !StorableText.IsStorable(name)))
            errors["metrics"] = ["At most 200 metrics, each named in 1 to 200 characters."];
        else if (metrics.Select(m => (m.Key, Problem: Problem(m.Value))).FirstOrDefault(m => m.Problem is not null) is { Problem: { } problem } bad)
            errors["metrics"] = [$"'{bad.Key}' {problem}: a value is a number, a numeric string like \"541.2K\" or \"1,234\", short text or null."];
        return errors;
    }

    /// <summary>The problems with where and when a reading was taken, by field.</summary>
    public static Dictionary<string, string[]> ValidateSource(string? platform, string? account, DateTimeOffset? observedAt, string? source,
        DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (Platforms.Normalize(platform) is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        if (AccountHandles.Normalize(account) is null)
            errors["account"] = [AccountHandles.Requirement];
        if (observedAt is null || observedAt > now.AddMinutes(5) || observedAt < Earliest)
            errors["observedAt"] = ["observedAt is required, from 2000 on, and cannot be in the future."];
        if (source is null || !Sources.Contains(source))
            errors["source"] = [$"source must be one of: {string.Join(", ", Sources)}."];
        return errors;
    }

    /// <summary>
    /// A field that maps to a canonical metric when the reading was taken must hold a count: not negative, not words.
    /// Fields nothing maps are kept as they came, whatever they hold, and shown as unmapped.
    /// </summary>
    public static Dictionary<string, string[]> CountProblems(IReadOnlyDictionary<string, JsonElement> metrics, MappingSet mappings,
        string platform, DateTimeOffset observedAt)
    {
        var bad = metrics.Where(m => mappings.InForce(platform, m.Key, observedAt) is not null)
            .Select(m => (m.Key, Value: RawValues.Read(m.Value))).Where(m => m.Value.Kind == RawValueKind.Invalid).ToList();
        return bad.Count == 0 ? [] : new Dictionary<string, string[]> { ["metrics"] = [.. bad.Select(m => $"'{m.Key}' {m.Value.Problem}: it is a count.")] };
    }

    /// <summary>Why a raw value cannot be stored, or null when it can.</summary>
    private static string? Problem(JsonElement value)
    {
        try
        {
            return value.ValueKind switch
            {
                // The raw text is what is stored, and PostgreSQL's numbers take exponents to about ±1000 only.
                JsonValueKind.Number => value.GetRawText() is { Length: <= 40 } raw && Exponent(raw) is >= -300 and <= 300
                    && value.TryGetDouble(out var number) && double.IsFinite(number) ? null : "is out of range",
                JsonValueKind.String => value.GetString() is { Length: <= 100 } text && StorableText.IsStorable(text) ? null : "is too long or not storable text",
                JsonValueKind.Null => null,
                _ => "must be a number, text or null",
            };
        }
        catch (InvalidOperationException)
        {
            return "is not valid text"; // an escaped surrogate that is not half of a pair
        }
    }

    private static int Exponent(string raw)
    {
        var e = raw.IndexOfAny(['e', 'E']);
        return e < 0 ? 0 : int.TryParse(raw.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) ? exponent : int.MaxValue;
    }
}

/// <summary>A message that can never be stored however often it is retried; it goes straight to the error queue.</summary>
public sealed class InvalidObservationException(string message) : CreatorMeta.ServiceDefaults.Messaging.UnprocessableMessageException(message);
