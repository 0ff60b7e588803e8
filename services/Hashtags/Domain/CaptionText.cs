using System.Text;
using System.Text.RegularExpressions;
using CreatorMeta.Contracts;

namespace CreatorMeta.Hashtags.Domain;

/// <summary>A hashtag found in a caption: its identity, the text as written ('#' included) and where, in UTF-16 code units.</summary>
public sealed record FoundTag(string Tag, string Text, int Start, int Length);

/// <summary>A word or phrase of a caption that says what it is about, by its identity, with every place it occurs.</summary>
public sealed record FoundKeyword(string Keyword, int Count, IReadOnlyList<int> Starts);

/// <summary>
/// What a caption tags and what it is about, in any script, by the rules the platforms apply:
/// <list type="bullet">
/// <item>A tag starts at '#' (or the full-width '＃') that does not follow a letter, digit, mark, '_' or '&amp;' — so
/// "a#b", "&amp;#39;" and "C#" are not tags — and runs over letters, marks, digits, '_', the joiners of Indic and Persian
/// script and, where the platform allows (<see cref="PlatformConventions.EmojiInTags"/>), emoji. Anything else ends it:
/// space, punctuation, another '#'.</item>
/// <item>A tag needs a letter or emoji: "#2025" and "#___" are not tags; nor is anything inside a link
/// ("https://example.com/page#intro").</item>
/// <item>Keywords are the words outside tags, links and @mentions, by the same identity as tags, without the commonest
/// function words of the languages our creators write in, numbers, or words shorter than three letters. Scripts written
/// without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) cannot be split into words without a dictionary, so
/// each run of them is one keyword phrase.</item>
/// </list>
/// </summary>
public static partial class CaptionText
{
    public static IReadOnlyList<FoundTag> Hashtags(string text, PlatformConventions conventions)
    {
        var links = Links(text);
        var (found, link) = (new List<FoundTag>(), 0);
        for (var i = 0; i < text.Length; i++)
        {
            while (link < links.Count && links[link].End <= i)
                link++;
            var inLink = link < links.Count && links[link].Start <= i;
            if (text[i] is not ('#' or '＃') || inLink || FollowsTagText(text, i, conventions.EmojiInTags))
                continue;
            var end = i + 1;
            while (end < text.Length && Rune.DecodeFromUtf16(text.AsSpan(end), out var rune, out var consumed) == System.Buffers.OperationStatus.Done
                && HashtagNames.IsTagRune(rune, conventions.EmojiInTags))
                end += consumed;
            while (end > i + 1 && text[end - 1] is '\u200C' or '\u200D')
                end--;
            if (HashtagNames.Normalize(text[(i + 1)..end], conventions.EmojiInTags) is { } identity)
                found.Add(new FoundTag(identity, text[i..end], i, end - i));
            i = end - 1;
        }
        return found;
    }

    /// <summary>The caption's keywords, outside its links, mentions and <paramref name="tags"/> (what <see cref="Hashtags"/> found in it).</summary>
    public static IReadOnlyList<FoundKeyword> Keywords(string text, IEnumerable<FoundTag> tags)
    {
        // Where tags, links and mentions stand, marked once: a word is looked up, not compared with every span.
        var skipped = new bool[text.Length];
        foreach (var (start, end) in Links(text).Concat(tags.Select(t => (t.Start, t.Start + t.Length))).Concat(Mentions(text)))
            Array.Fill(skipped, true, start, end - start);
        var keywords = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (Match word in Word().Matches(text))
        {
            if (skipped[word.Index] || Keyword(word.Value) is not { } keyword)
                continue;
            if (!keywords.TryGetValue(keyword, out var starts))
                keywords[keyword] = starts = [];
            starts.Add(word.Index);
        }
        return [.. keywords.Select(k => new FoundKeyword(k.Key, k.Value.Count, k.Value)).OrderByDescending(k => k.Count).ThenBy(k => k.Starts[0])];
    }

    private static string? Keyword(string word)
    {
        var identity = HashtagNames.Identity(word);
        if (identity.All(char.IsAsciiDigit) || StopWords.Contains(identity))
            return null;
        var unspaced = word.EnumerateRunes().Any(IsUnspacedScript);
        var letters = identity.EnumerateRunes().Count(Rune.IsLetter);
        return letters >= (unspaced ? 2 : 3) ? identity : null;
    }

    private static bool FollowsTagText(string text, int index, bool emoji)
    {
        if (index == 0)
            return false;
        if (text[index - 1] == '&')
            return true; // an HTML entity: &#39;
        var status = Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var previous, out _);
        return status == System.Buffers.OperationStatus.Done && HashtagNames.IsTagRune(previous, emoji) && previous.Value is not ('\u200C' or '\u200D');
    }

    private static List<(int Start, int End)> Links(string text) => [.. Link().Matches(text).Select(m => (m.Index, m.Index + m.Length))];

    private static IEnumerable<(int Start, int End)> Mentions(string text) => Mention().Matches(text).Select(m => (m.Index, m.Index + m.Length));

    private static bool IsUnspacedScript(Rune rune) => rune.Value is >= 0x0E00 and <= 0x0EFF or >= 0x1000 and <= 0x109F or >= 0x1780 and <= 0x17FF
        or >= 0x3040 and <= 0x30FF or >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3FFFF;

    // A scheme starts where no scheme character comes before it, so a long word is not tried from every letter.
    [GeneratedRegex(@"(?<![a-zA-Z0-9+.-])(?:[a-zA-Z][a-zA-Z0-9+.-]*://|www\.)\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}_])@[\p{L}\p{M}\p{Nd}_.]+", RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    // Letters with their marks and digits, an apostrophe inside a word kept ("don't", "l'été").
    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}\p{M}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "her", "was", "one", "our", "out", "has", "his", "how", "its",
        "let", "who", "did", "get", "got", "him", "she", "too", "use", "via", "with", "this", "that", "from", "your", "have", "they", "will",
        "what", "when", "were", "been", "into", "than", "then", "them", "there", "their", "these", "those", "just", "like", "more", "some",
        "here", "about", "would", "could", "should", "which", "while", "where", "after", "before", "because", "don't", "it's", "i'm",
        // Spanish, Portuguese, French, German, Italian
        "los", "las", "una", "por", "con", "para", "que", "del", "como", "más", "pero", "sus", "uma", "não", "com", "dos", "das", "mais",
        "les", "des", "une", "est", "pour", "dans", "sur", "avec", "pas", "qui", "aux", "der", "die", "das", "und", "ist", "mit",
        "den", "dem", "ein", "eine", "nicht", "auf", "für", "von", "zu", "che", "per", "non", "gli", "della",
        // Vietnamese (written as syllables; the three-letter and longer ones that carry no topic)
        "của", "và", "các", "những", "được", "trong", "với", "này", "không", "cho", "một", "người", "khi", "thì", "nhưng", "cũng", "như",
        "đã", "đang", "sẽ", "rất", "vào", "lại", "nên", "mình", "bạn", "đó", "nào", "gì", "còn", "hơn", "nhiều", "luôn",
        // Russian
        "что", "как", "это", "для", "все", "так", "его", "они", "она", "или", "уже", "был", "при", "там", "тут",
    };
}
