namespace CreatorMeta.Contracts;

/// <summary>The platforms CreatorMeta knows, by the lower-case names every event, message and route uses for them.</summary>
public static class Platforms
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "youtube", "instagram", "tiktok", "x", "linkedin", "facebook", "pinterest",
    };

    public static string? Normalize(string? platform) => platform?.Trim().ToLowerInvariant() switch
    {
        "twitter" => "x",
        { } name when Known.Contains(name) => name,
        _ => null,
    };
}
