using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class PostUrlsTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/shorts/dQw4w9WgXcQ", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/live/dQw4w9WgXcQ?feature=share", "youtube", "dQw4w9WgXcQ")]
    [InlineData("https://www.instagram.com/p/C1a2b3XyZ_-/?igsh=MWQ1", "instagram", "C1a2b3XyZ_-")]
    [InlineData("https://instagram.com/reel/C9zYxW1/", "instagram", "C9zYxW1")]
    [InlineData("https://www.instagram.com/tv/B7abcDE/", "instagram", "B7abcDE")]
    [InlineData("https://www.instagram.com/jamal/p/C1a2b3XyZ/", "instagram", "C1a2b3XyZ")]
    [InlineData("https://www.tiktok.com/@jamal.creates/video/7506832682593094928?is_from_webapp=1", "tiktok", "7506832682593094928")]
    [InlineData("https://m.tiktok.com/v/7506832682593094928.html", "tiktok", "7506832682593094928")]
    [InlineData("https://www.tiktok.com/@jamal/photo/7401234567890123456", "tiktok", "7401234567890123456")]
    [InlineData("https://www.tiktok.com/embed/v2/7506832682593094928", "tiktok", "7506832682593094928")]
    [InlineData("https://twitter.com/jamal/status/1790000000000000001?s=20", "x", "1790000000000000001")]
    [InlineData("https://x.com/i/web/status/1790000000000000001", "x", "1790000000000000001")]
    [InlineData("https://x.com/i/status/1790000000000000001", "x", "1790000000000000001")]
    [InlineData("https://mobile.twitter.com/jamal/status/1790000000000000001", "x", "1790000000000000001")]
    [InlineData("https://www.linkedin.com/posts/jamal-doe_sunset-activity-7180000000000000000-AbCd", "linkedin", "urn:li:activity:7180000000000000000")]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:activity:7180000000000000000/", "linkedin", "urn:li:activity:7180000000000000000")]
    [InlineData("https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7180000000000000001", "linkedin", "urn:li:share:7180000000000000001")]
    [InlineData("https://www.facebook.com/jamalstudio/posts/pfbid02AbCdEfGhIjKlMnOpQr", "facebook", "pfbid02AbCdEfGhIjKlMnOpQr")]
    [InlineData("https://www.facebook.com/permalink.php?story_fbid=123456789012&id=100012345678", "facebook", "100012345678_123456789012")]
    [InlineData("https://m.facebook.com/photo.php?fbid=123456789012", "facebook", "123456789012")]
    [InlineData("https://www.facebook.com/watch/?v=987654321098", "facebook", "987654321098")]
    [InlineData("https://www.facebook.com/reel/987654321098", "facebook", "987654321098")]
    [InlineData("https://www.facebook.com/jamalstudio/photos/a.123456/987654321098", "facebook", "987654321098")]
    [InlineData("https://www.pinterest.com/pin/123456789012345678/", "pinterest", "123456789012345678")]
    [InlineData("https://de.pinterest.com/pin/sunset-at-the-pier--123456789012345678/", "pinterest", "123456789012345678")]
    [InlineData("https://www.pinterest.co.uk/pin/123456789012345678/", "pinterest", "123456789012345678")]
    public void Recognises_the_post_behind_every_url_shape(string url, string platform, string externalId)
    {
        var post = PostUrls.Canonicalize(url, out var error);

        Assert.Null(error);
        Assert.Equal(platform, post!.Platform);
        Assert.Equal(externalId, post.ExternalPostId);
    }

    [Fact]
    public void Differently_shaped_links_to_one_post_share_one_canonical_url()
    {
        var urls = new[] { "https://youtu.be/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x", "https://youtube.com/shorts/dQw4w9WgXcQ" };

        Assert.Single(urls.Select(u => PostUrls.Canonicalize(u, out _)!.Url).Distinct());
    }

    [Theory]
    [InlineData("not a url", "absolute")]
    [InlineData("ftp://youtube.com/watch?v=dQw4w9WgXcQ", "absolute")]
    [InlineData("https://vm.tiktok.com/ZMabc123/", "short link")]
    [InlineData("https://pin.it/abc", "short link")]
    [InlineData("https://www.youtube.com/watch?v=tooShort", "supported platform")]
    [InlineData("https://www.instagram.com/jamal/", "supported platform")]
    [InlineData("https://www.tiktok.com/@jamal", "supported platform")]
    [InlineData("https://x.com/jamal", "supported platform")]
    [InlineData("https://www.facebook.com/jamalstudio", "supported platform")]
    [InlineData("https://example.com/p/abc", "supported platform")]
    public void Explains_why_a_url_is_not_a_post(string url, string reason)
    {
        Assert.Null(PostUrls.Canonicalize(url, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_platform_post_id_alone_names_the_post_without_a_url()
    {
        var post = PostUrls.Identify("youtube", " dQw4w9WgXcQ ", null, out var error);

        Assert.Null(error);
        Assert.Equal(new CanonicalPost("youtube", "dQw4w9WgXcQ", ""), post);
    }

    [Theory]
    [InlineData("youtube", "  ")]
    [InlineData(null, "dQw4w9WgXcQ")]
    public void Without_a_url_a_post_needs_both_platform_and_id_and_lacking_one_is_no_error(string? platform, string? externalPostId)
    {
        Assert.Null(PostUrls.Identify(platform, externalPostId, null, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void A_url_that_agrees_with_the_platform_and_id_sent_beside_it_names_its_canonical_post()
    {
        var post = PostUrls.Identify("youtube", "dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ", out var error);

        Assert.Null(error);
        Assert.Equal(new CanonicalPost("youtube", "dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"), post);
    }

    [Theory]
    [InlineData("instagram", null)]
    [InlineData(null, "aaaaaaaaaaa")]
    public void A_url_that_disagrees_with_the_platform_or_id_sent_beside_it_is_refused(string? platform, string? externalPostId)
    {
        Assert.Null(PostUrls.Identify(platform, externalPostId, "https://youtu.be/dQw4w9WgXcQ", out var error));
        Assert.Equal("The URL is youtube post dQw4w9WgXcQ, which disagrees with the platform or externalPostId sent with it.", error);
    }

    [Fact]
    public void An_unreadable_url_beside_a_post_id_is_refused_for_what_it_is()
    {
        Assert.Null(PostUrls.Identify("youtube", "dQw4w9WgXcQ", "not a url", out var error));
        Assert.Equal("Not an absolute http(s) URL.", error);
    }
}
