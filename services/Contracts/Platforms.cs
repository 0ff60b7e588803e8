namespace CreatorMeta.Contracts;

/// <summary>The platforms CreatorMeta knows, by the lower-case names every event, message and route uses for them.</summary>
public static class Platforms
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "youtube", "instagram", "tiktok", "x", "linkedin", "facebook", "pinterest",
    };

    /// <summary>The validation message for a name that is not one of <see cref="Known"/>.</summary>
    public static readonly string MustBeOneOf = $"must be one of: {string.Join(", ", Known)}.";

    public static string? Normalize(string? platform) => platform?.Trim().ToLowerInvariant() switch
    {
        "twitter" => "x",
        { } name when Known.Contains(name) => name,
        _ => null,
    };
}
