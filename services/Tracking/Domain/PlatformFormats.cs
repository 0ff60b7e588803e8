namespace CreatorMeta.Tracking.Domain;

/// <summary>Which kinds of asset each platform can publish at all, so repurposing never suggests the impossible.</summary>
public static class PlatformFormats
{
    private static readonly Dictionary<string, AssetKind[]> Accepts = new()
    {
        ["youtube"] = [AssetKind.Video, AssetKind.Short],
        ["tiktok"] = [AssetKind.Video, AssetKind.Short, AssetKind.Reel, AssetKind.Carousel, AssetKind.Photo],
        ["instagram"] = [AssetKind.Photo, AssetKind.Video, AssetKind.Short, AssetKind.Reel, AssetKind.Story, AssetKind.Carousel],
        ["pinterest"] = [AssetKind.Photo, AssetKind.Video, AssetKind.Short, AssetKind.Carousel],
        ["x"] = Enum.GetValues<AssetKind>(),
        ["linkedin"] = Enum.GetValues<AssetKind>(),
        ["facebook"] = Enum.GetValues<AssetKind>(),
    };

    public static IReadOnlyList<AssetKind> AcceptedBy(string platform) => Accepts.GetValueOrDefault(platform, []);
}
