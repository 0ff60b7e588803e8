namespace CreatorMeta.Tracking.Tests;

/// <summary>Request bodies as a client writes them.</summary>
public static class Requests
{
    /// <summary>Long enough ago that every platform's cooldown has passed.</summary>
    public static string LongAgo => DateTimeOffset.UtcNow.AddDays(-90).ToString("O");

    public static string NewHash() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static object Asset(string? hash = null, string title = "Sunset at the pier") =>
        new { title, kind = "photo", contentHash = hash ?? NewHash(), topics = new[] { "travel" } };

    /// <summary>A post with its own id; on Instagram with the URL that names that id, as a client copies it from the app.</summary>
    public static object Publication(string platform = "instagram", string account = "@jamal", string? reason = null, string? externalId = null,
        string publishedAt = "2026-11-01T18:00:00+01:00") => new
    {
        platform,
        account,
        externalPostId = externalId ??= Guid.NewGuid().ToString("N")[..10],
        postUrl = platform == "instagram" ? $"https://www.instagram.com/p/{externalId}/" : null,
        publishedAt,
        caption = "golden hour",
        hashtags = new[] { "#sunset", "travel" },
        repurpose = reason is null ? null : new { reason },
    };
}
