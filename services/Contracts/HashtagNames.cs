using System.Globalization;
using System.Text;
using CreatorMeta.Contracts.Unicode;

namespace CreatorMeta.Contracts;

/// <summary>
/// One spelling per hashtag, so that no check ever compares two spellings of the same tag. A tag is its text without
/// the '#', in compatibility normal form (NFKC: a full-width "＃ｃａｆé" is "#café"), case-folded (Unicode's full folding,
/// not lower-casing: "#STRASSE" and "#straße" are one tag) and normalized again, with emoji presentation selectors
/// dropped ("#❤️" and "#❤" are one tag) — what Python's <c>normalize("NFKC", normalize("NFKC", s).casefold())</c>
/// computes (close to Unicode's NFKC_Casefold, which would also drop default-ignorable characters such as the joiners
/// inside emoji sequences; those are kept here, as they change the emoji). Accents stay: whether "#cafe" is "#café" is
/// the creator's choice (an alias in their taxonomy), not ours.
/// <para>
/// What a tag may hold follows the platforms: letters, combining marks (Vietnamese tones, Thai vowels, Devanagari
/// matras), digits, '_', the joiners Persian and Indic scripts need, and emoji (Instagram and TikTok keep them in
/// tags). It needs at least one letter or emoji: "#2025" and "#___" are not tags.
/// </para>
/// </summary>
public static class HashtagNames
{
    /// <summary>The longest tag, in characters as a reader counts them (Unicode scalar values).</summary>
    public const int MaxLength = 100;

    public const string Requirement =
        "A hashtag is letters, digits, '_' or emoji, with at least one letter or emoji, up to 100 characters, with or without its '#'.";

    /// <summary>
    /// The tag's one spelling, without '#'; null when it is not a tag (empty, punctuation, all digits, malformed text, too
    /// long). Where emoji do not belong to tags (<paramref name="emoji"/> false: X, LinkedIn, YouTube) the tag ends at the
    /// first one, as those platforms read "#sunset🌅". Normalizing a spelling again gives it back unchanged.
    /// </summary>
    public static string? Normalize(string? tag, bool emoji = true)
    {
        if (tag is null || !CompatibilityForm.IsWellFormed(tag))
            return null;
        var text = CompatibilityForm.Of(tag).Trim().Trim(Joiners);
        if (text.StartsWith('#'))
            text = text[1..].Trim(Joiners);
        if (!emoji)
            text = text[..EmojiStart(text)].TrimEnd(Joiners);
        if (!IsTag(text, emoji))
            return null;
        // Checked again once folded: "ß" folds to "ss", so the identity's own length and form are what count.
        var identity = Identity(text);
        return IsTag(identity, emoji) ? identity : null;
    }

    /// <summary>Whether a platform keeps emoji in its tags: Instagram, TikTok, Facebook and Pinterest do; X, LinkedIn and YouTube end the tag there.</summary>
    public static bool EmojiInTags(string? platform) => platform is not ("x" or "linkedin" or "youtube");

    /// <summary>Each tag once, in its one spelling for the platform and first-seen order, and what was sent that is not a tag.</summary>
    public static (List<string> Tags, List<string> NotTags) Of(IEnumerable<string?>? tags, string? platform = null)
    {
        var (valid, invalid) = (new List<string>(), new List<string>());
        foreach (var tag in tags ?? [])
            if (Normalize(tag, EmojiInTags(platform)) is { } name)
            {
                if (!valid.Contains(name))
                    valid.Add(name);
            }
            else if (!string.IsNullOrWhiteSpace(tag))
                invalid.Add(tag);
        return (valid, invalid);
    }

    /// <summary>The identity of a tag's text already known to be a tag (the extractor's find): NFKC, case folding, NFKC, selectors dropped.</summary>
    public static string Identity(string body)
    {
        var folded = CompatibilityForm.Of(CaseFolding.Fold(CompatibilityForm.Of(body)));
        return folded.Contains('\uFE0F') || folded.Contains('\uFE0E') ? folded.Replace("\uFE0F", "").Replace("\uFE0E", "") : folded;
    }

    /// <summary>Whether the rune may be part of a tag: a letter, mark, decimal digit, '_', joiner or emoji.</summary>
    public static bool IsTagRune(Rune rune, bool emoji = true) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.DecimalDigitNumber => true,
        UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol => emoji && IsEmoji(rune),
        _ => rune.Value is '_' or '\u200C' or '\u200D' or '\u00B7' or '\u30FB',
    };

    /// <summary>Whether the rune makes text a tag by itself: a letter or an emoji (digits, marks and '_' do not).</summary>
    public static bool IsTagAnchor(Rune rune, bool emoji = true) => Rune.IsLetter(rune) || emoji && IsEmoji(rune);

    /// <summary>Whether the whole text (without '#') is one tag.</summary>
    public static bool IsTag(ReadOnlySpan<char> text, bool emoji = true)
    {
        var (runes, anchored) = (0, false);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar || !IsTagRune(rune, emoji))
                return false;
            anchored |= IsTagAnchor(rune, emoji);
            if (++runes > MaxLength)
                return false;
        }
        return anchored;
    }

    /// <summary>Where the first emoji starts (in UTF-16 code units); the text's length without one.</summary>
    private static int EmojiStart(string text)
    {
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsEmoji(rune))
                return index;
            index += rune.Utf16SequenceLength;
        }
        return text.Length;
    }

    /// <summary>Pictographs and their modifiers: the symbol blocks emoji live in (So/Sk there), not every symbol (© or ° end a tag).</summary>
    public static bool IsEmoji(Rune rune) => rune.Value is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF;

    private static readonly char[] Joiners = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
}
