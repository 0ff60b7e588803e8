using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

/// <summary>An asset and its posts built the way the API builds them, for the in-process domain tests.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static AssetDetails Details { get; } = new(
        "Sunset at the pier", "Golden hour, Santa Monica", AssetKind.Video, "9f86d081884c7d65", 0x0F0F_0F0F_0F0F_0F0FL, 42.5, 1080, 1920,
        ["travel", "beach"], ["sea", "sun"], "9:16", "en", new Dictionary<string, string> { ["camera"] = "a7", ["lens"] = "35mm" });

    /// <summary>What search holds for <see cref="Details"/>: title and description, the comma turned into a space.</summary>
    public const string DetailsSearchText = "Sunset at the pier\nGolden hour  Santa Monica";

    public static Asset NewAsset(AssetDetails? details = null, bool needsReview = false) =>
        Asset.Register("ws-1", details ?? Details, Now, needsReview);

    public static PublicationDetails Post(
        string platform = "youtube", string account = "@jamal", DateTimeOffset? publishedAt = null, string? caption = "Golden hour",
        string[]? hashtags = null, PublicationSource source = PublicationSource.Manual, string? repurposeReason = null, string? postUrl = null) =>
        new(platform, account, null, postUrl, publishedAt ?? Now.AddHours(-1), caption, hashtags ?? ["sunset"], source, repurposeReason);

    /// <summary>Records a post the guard found nothing against.</summary>
    public static Publication Publish(Asset asset, PublicationDetails? post = null, DateTimeOffset? at = null) =>
        asset.RecordPublication(post ?? Post(), [], at ?? Now);
}
