using System.Text.Json;
using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;

namespace CreatorMeta.MetricsIngestion.Domain;

/// <summary>One raw reading of a post's numbers, kept exactly as the source named them.</summary>
public sealed record Observation(
    string WorkspaceId, string Platform, string Account, string ExternalPostId, DateTimeOffset ObservedAt,
    string Source, string SourceEventId, IReadOnlyDictionary<string, JsonElement> Metrics)
{
    public static readonly IReadOnlySet<string> Sources = new HashSet<string> { "api", "webhook", "csv", "manual", "scrape" };

    /// <summary>Every problem with the observation, by field; empty when it can be stored.</summary>
    public static Dictionary<string, string[]> Validate(string? platform, string? account, string? externalPostId,
        DateTimeOffset? observedAt, string? source, string? sourceEventId, IReadOnlyDictionary<string, JsonElement>? metrics, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (Platforms.Normalize(platform) is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        if (AccountHandles.Normalize(account) is null)
            errors["account"] = [AccountHandles.Requirement];
        if (string.IsNullOrWhiteSpace(externalPostId))
            errors["externalPostId"] = ["externalPostId is required."];
        if (observedAt is null || observedAt > now.AddMinutes(5))
            errors["observedAt"] = ["observedAt is required and cannot be in the future."];
        if (source is null || !Sources.Contains(source))
            errors["source"] = [$"source must be one of: {string.Join(", ", Sources)}."];
        if (string.IsNullOrWhiteSpace(sourceEventId))
            errors["sourceEventId"] = ["sourceEventId is required: it is what makes a redelivery count once."];
        if (metrics is null || metrics.Count == 0)
            errors["metrics"] = ["At least one metric is required."];
        else if (metrics.Count > 200 || metrics.Any(m => m.Key.Length > 200 || !IsValue(m.Value)))
            errors["metrics"] = ["At most 200 metrics; values are finite numbers, numeric strings (\"541.2K\") or null."];
        if (externalPostId is { Length: > 200 } || sourceEventId is { Length: > 200 })
            errors["externalPostId"] = ["externalPostId and sourceEventId have at most 200 characters."];
        return errors;
    }

    /// <summary>A raw value as the platform sent it, within what a JSON column stores: no NUL, no broken surrogate, no infinite number.</summary>
    private static bool IsValue(JsonElement value)
    {
        try
        {
            return value.ValueKind switch
            {
                // Raw text as sent is what is stored: a short literal, which PostgreSQL's numeric type surely holds.
                JsonValueKind.Number => value.GetRawText().Length <= 40 && value.TryGetDouble(out var number) && double.IsFinite(number),
                JsonValueKind.String => value.GetString() is { Length: <= 100 } text && StorableText.IsStorable(text),
                JsonValueKind.Null => true,
                _ => false,
            };
        }
        catch (InvalidOperationException)
        {
            return false; // an escaped surrogate that is not half of a pair
        }
    }
}

/// <summary>A message that can never be stored however often it is retried; it goes straight to the error queue.</summary>
public sealed class InvalidObservationException(string message) : CreatorMeta.ServiceDefaults.Messaging.UnprocessableMessageException(message);
