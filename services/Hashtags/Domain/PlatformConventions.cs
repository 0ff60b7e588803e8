using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CreatorMeta.Contracts;

namespace CreatorMeta.Hashtags.Domain;

/// <summary>
/// How a platform treats hashtags, as its help pages state them (2025): whether emoji belong to a tag (Instagram,
/// TikTok, Facebook and Pinterest link "#tuncuibap🌽"; X and LinkedIn end the tag at the emoji; YouTube links letters
/// only), how many tags it takes and how many it rewards, and how long the caption may be with them.
/// </summary>
/// <param name="MaxTags">Tags past this many are refused or ignored (YouTube ignores every tag past 15).</param>
/// <param name="RecommendedTags">How many the platform's own guidance suggests.</param>
/// <param name="TextLimit">Characters the caption (with its tags, which TikTok and X count in it) may have.</param>
public sealed partial record PlatformConventions(string Platform, int MaxTags, int RecommendedTags, int TextLimit)
{
    /// <summary>Emoji are part of a tag rather than its end (<see cref="HashtagNames.EmojiInTags"/>, the one rule tracking applies too).</summary>
    public bool EmojiInTags => HashtagNames.EmojiInTags(Platform);

    /// <summary>A caption on no platform in particular: emoji in tags, as the platforms that allow them most.</summary>
    public static readonly PlatformConventions Any = new("any", 30, 5, 63_206);

    public static readonly IReadOnlyDictionary<string, PlatformConventions> Of = new Dictionary<string, PlatformConventions>(StringComparer.Ordinal)
    {
        ["instagram"] = new("instagram", 30, 5, 2_200),
        ["tiktok"] = new("tiktok", 30, 5, 4_000),
        ["youtube"] = new("youtube", 15, 3, 5_000),
        ["x"] = new("x", 10, 2, 280),
        ["linkedin"] = new("linkedin", 10, 3, 3_000),
        ["facebook"] = new("facebook", 30, 3, 63_206),
        ["pinterest"] = new("pinterest", 20, 5, 500),
    };

    /// <summary>
    /// How long the platform counts <paramref name="text"/> against <see cref="TextLimit"/>: the characters a reader sees
    /// (grapheme clusters), and on X its weighted count — X counts 1 for Latin and other scripts up to U+10FF and some
    /// punctuation, 2 for everything else (CJK, most symbols), 2 for an emoji however many code points it has, and 23
    /// for a link however long it is (its published counting rules, twitter-text's configuration v3). Text is taken as
    /// written: X counts its NFC form, which differs only for decomposed accents.
    /// </summary>
    public int LengthOf(string text) => Platform == "x" ? WeightedLength(text) : new StringInfo(text).LengthInTextElements;

    private static int WeightedLength(string text)
    {
        var length = 0;
        var rest = Links().Replace(text, link =>
        {
            length += 23;
            return "";
        });
        var elements = StringInfo.GetTextElementEnumerator(rest);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (element.EnumerateRunes().Any(HashtagNames.IsEmoji))
                length += 2;
            else
                foreach (var rune in element.EnumerateRunes())
                    length += rune.Value is <= 0x10FF or >= 0x2000 and <= 0x200D or >= 0x2010 and <= 0x201F or >= 0x2032 and <= 0x2037 ? 1 : 2;
        }
        return length;
    }

    [GeneratedRegex(@"(?:https?://|www\.)[^\s]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    public static PlatformConventions For(string? platform) => platform is not null && Of.TryGetValue(platform, out var known) ? known : Any;
}
