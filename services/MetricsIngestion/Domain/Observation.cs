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

    /// <summary>Every problem with the observation, by field; empty when it can be stored.</summary>
    public static Dictionary<string, string[]> Validate(string? platform, string? account, string? externalPostId,
        DateTimeOffset? observedAt, string? source, string? sourceEventId, IReadOnlyDictionary<string, JsonElement>? metrics, DateTimeOffset now)
    {
        var errors = ValidateSource(platform, account, observedAt, source, now);
        if (string.IsNullOrWhiteSpace(externalPostId))
            errors["externalPostId"] = ["externalPostId is required."];
        if (string.IsNullOrWhiteSpace(sourceEventId))
            errors["sourceEventId"] = ["sourceEventId is required: it is what makes a redelivery count once."];
        if (metrics is null || metrics.Count == 0)
            errors["metrics"] = ["At least one metric is required."];
        else if (metrics.Count > 200 || metrics.Keys.Any(name => name.Length is 0 or > 200 || !StorableText.IsStorable(name)))
            errors["metrics"] = ["At most 200 metrics, each named in 1 to 200 characters."];
        else if (metrics.Select(m => (m.Key, Problem: Problem(m.Value))).FirstOrDefault(m => m.Problem is not null) is { Problem: { } problem } bad)
            errors["metrics"] = [$"'{bad.Key}' {problem}: a value is a count (a number, a numeric string like \"541.2K\" or \"1,234\") or null."];
        if (externalPostId is { Length: > 200 } || sourceEventId is { Length: > 200 })
            errors["externalPostId"] = ["externalPostId and sourceEventId have at most 200 characters."];
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

    /// <summary>Why a raw value cannot be a count, or null when it can (absent included).</summary>
    private static string? Problem(JsonElement value)
    {
        try
        {
            // The raw text is what is stored: short enough for any column, and text that PostgreSQL can hold.
            if (value.ValueKind == JsonValueKind.Number && value.GetRawText().Length > 40)
                return "is too long a number";
            if (value.ValueKind == JsonValueKind.String && (value.GetString() is not { Length: <= 100 } text || !StorableText.IsStorable(text)))
                return "is not a count";
            var read = RawValues.Read(value);
            return read.Kind == RawValueKind.Invalid ? read.Problem : null;
        }
        catch (InvalidOperationException)
        {
            return "is not valid text"; // an escaped surrogate that is not half of a pair
        }
    }
}

/// <summary>A message that can never be stored however often it is retried; it goes straight to the error queue.</summary>
public sealed class InvalidObservationException(string message) : CreatorMeta.ServiceDefaults.Messaging.UnprocessableMessageException(message);
