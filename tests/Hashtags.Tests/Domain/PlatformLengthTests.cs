using CreatorMeta.Hashtags.Domain;

namespace CreatorMeta.Hashtags.Tests.Domain;

/// <summary>A caption counted as each platform counts it against its limit: characters a reader sees, and X's weights.</summary>
public sealed class PlatformLengthTests
{
    [Theory]
    [InlineData("instagram", "Phở bò 🍜", 8)]
    [InlineData("instagram", "東京の朝", 4)]
    [InlineData("x", "Phở bò", 7)]                                     // ở (U+1EDF) is past U+10FF: two; ò one
    [InlineData("x", "東京の朝", 8)]                                   // CJK weighs two
    [InlineData("x", "hi 👋🏽", 5)]                                     // an emoji with its skin tone is one emoji, weighing two
    [InlineData("x", "see https://example.com/a/rather/long/path", 27)] // a link is 23 however long
    [InlineData("x", "‘quoted’ — done…", 17)]                          // quotes and dashes weigh one, the ellipsis two
    public void A_caption_is_as_long_as_the_platform_counts_it(string platform, string caption, int length) =>
        Assert.Equal(length, PlatformConventions.For(platform).LengthOf(caption));
}
