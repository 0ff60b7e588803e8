namespace CreatorMeta.Contracts;

/// <summary>
/// One spelling per label — a topic, visual element, format or language — so that case or stray spaces never make two
/// of them: trimmed and lower-cased. Hashtags have their own, Unicode-aware identity (<see cref="HashtagNames"/>).
/// </summary>
public static class Labels
{
    /// <summary>The label's one spelling; null when nothing is left of it.</summary>
    public static string? Normalize(string? label) => string.IsNullOrWhiteSpace(label) ? null : label.Trim().ToLowerInvariant();

    /// <summary>Each label once, in its one spelling and first-seen order; empty ones dropped.</summary>
    public static List<string> Of(IEnumerable<string?>? labels) => [.. (labels ?? []).Select(Normalize).OfType<string>().Distinct(StringComparer.Ordinal)];
}
