using CreatorMeta.Contracts;
using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class PlatformFormatsTests
{
    [Theory]
    [InlineData("youtube", AssetKind.Video, AssetKind.Short)]
    [InlineData("tiktok", AssetKind.Video, AssetKind.Short, AssetKind.Reel, AssetKind.Carousel, AssetKind.Photo)]
    [InlineData("instagram", AssetKind.Photo, AssetKind.Video, AssetKind.Short, AssetKind.Reel, AssetKind.Story, AssetKind.Carousel)]
    [InlineData("pinterest", AssetKind.Photo, AssetKind.Video, AssetKind.Short, AssetKind.Carousel)]
    [InlineData("x", AssetKind.Photo, AssetKind.Video, AssetKind.Short, AssetKind.Reel, AssetKind.Story, AssetKind.Carousel, AssetKind.Text)]
    [InlineData("linkedin", AssetKind.Photo, AssetKind.Video, AssetKind.Short, AssetKind.Reel, AssetKind.Story, AssetKind.Carousel, AssetKind.Text)]
    [InlineData("facebook", AssetKind.Photo, AssetKind.Video, AssetKind.Short, AssetKind.Reel, AssetKind.Story, AssetKind.Carousel, AssetKind.Text)]
    [InlineData("myspace")]
    [InlineData("YouTube")] // platforms are named in their normalized lower case
    public void Each_platform_accepts_only_the_kinds_it_can_publish(string platform, params AssetKind[] kinds) =>
        Assert.Equal(kinds, PlatformFormats.AcceptedBy(platform));

    [Fact]
    public void Every_known_platform_accepts_some_kind_of_asset() =>
        Assert.All(Platforms.Known, platform => Assert.NotEmpty(PlatformFormats.AcceptedBy(platform)));
}
