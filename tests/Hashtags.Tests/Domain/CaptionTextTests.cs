using CreatorMeta.Hashtags.Domain;

namespace CreatorMeta.Hashtags.Tests.Domain;

public sealed class CaptionTextTests
{
    private static List<string> Tags(string caption, string? platform = null) =>
        [.. CaptionText.Hashtags(caption, PlatformConventions.For(platform)).Select(t => t.Tag)];

    [Theory]
    [InlineData("Sunset at the pier #Travel #golden_hour", new[] { "travel", "golden_hour" })]
    [InlineData("Cà phê sữa đá ☕ #CàPhê #SàiGòn.", new[] { "càphê", "sàigòn" })]
    [InlineData("Москва ночью #Москва, #ночь!", new[] { "москва", "ночь" })]
    [InlineData("رمضان كريم #رمضان_كريم", new[] { "رمضان_كريم" })]
    [InlineData("東京の夜#東京 #夜景", new[] { "夜景" })]
    [InlineData("กรุงเทพ #กรุงเทพมหานคร #อาหาร", new[] { "กรุงเทพมหานคร", "อาหาร" })]
    [InlineData("नमस्ते #भारत #योग।", new[] { "भारत", "योग" })]
    [InlineData("(#inParens) \"#quoted\" [#bracketed]", new[] { "inparens", "quoted", "bracketed" })]
    [InlineData("＃ｆｕｌｌｗｉｄｔｈ tag", new[] { "fullwidth" })]
    [InlineData("#first#second", new[] { "first" })]
    public void Tags_are_found_in_every_script_with_punctuation_and_emoji_around_them(string caption, string[] tags) =>
        Assert.Equal(tags, Tags(caption));

    [Theory]
    [InlineData("C# and F# are languages")]
    [InlineData("It&#39;s here &#x27;quoted&#x27;")]
    [InlineData("We won #1 in 2025 #2025 #___ #!!!")]
    [InlineData("Read https://example.com/guide#setup and www.example.com/#/route")]
    [InlineData("abc#def mail#me")]
    [InlineData("Keycap #️⃣ and # alone")]
    public void What_only_looks_like_a_tag_is_not_one(string caption) => Assert.Empty(Tags(caption));

    [Fact]
    public void Emoji_belong_to_a_tag_where_the_platform_links_them_and_end_it_where_it_does_not()
    {
        const string caption = "Mùa bắp #tuncuibap2🌽🌽 #❤️love";

        Assert.Equal(["tuncuibap2🌽🌽", "❤love"], Tags(caption, "tiktok"));
        Assert.Equal(["tuncuibap2"], Tags(caption, "x"));
    }

    [Fact]
    public void Positions_are_where_the_tag_stands_in_the_caption_as_sent()
    {
        const string caption = "👋 Hi #Café, see #Phở";

        var found = CaptionText.Hashtags(caption, PlatformConventions.Any);

        Assert.All(found, t => Assert.Equal(t.Text, caption.Substring(t.Start, t.Length)));
        Assert.Equal(["#Café", "#Phở"], found.Select(t => t.Text));
    }

    [Fact]
    public void Keywords_are_the_words_outside_tags_links_and_mentions_without_function_words_or_numbers()
    {
        const string caption = "The best Sunset SUNSET of 2025 with @jamal.pix at the pier https://pier.example/sunset #sunset 東京タワー";

        var keywords = CaptionText.Keywords(caption, CaptionText.Hashtags(caption, PlatformConventions.Any));

        Assert.Equal(("sunset", 2), (keywords[0].Keyword, keywords[0].Count));
        Assert.Equal(["sunset", "best", "pier", "東京タワー"], keywords.Select(k => k.Keyword));
    }
}
