using System.Globalization;
using System.Text;

namespace CreatorMeta.Tracking.Domain;

/// <summary>
/// Words as search sees them, in every script: punctuation and symbols separate words. PostgreSQL's parser does not know
/// that of typographic punctuation (<c>Women’s</c>, <c>today—we</c>, <c>「東京」</c>, <c>नमस्ते।</c>) or of emoji, and reads
/// <c>hearings/votes</c> as one file path; so text is turned into plain words before it is indexed, and a query the same
/// way before it is searched. Letters, marks and digits stay, so no script loses a word.
/// </summary>
public static class SearchWords
{
    /// <summary>What is indexed: every punctuation mark or symbol becomes a space.</summary>
    public static string Of(string text) => Separate(text, query: false);

    /// <summary>
    /// A search as typed, with the same separation, keeping what websearch syntax means: a double quote (typographic
    /// ones included) around a phrase, and a '-' before a word that must not appear.
    /// </summary>
    public static string Query(string text) => Separate(text, query: true);

    private static string Separate(string text, bool query)
    {
        var words = new StringBuilder(text.Length);
        var previous = ' ';
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.IsBmp ? (char)rune.Value : '\0';
            if (query && c is '"' or '“' or '”' or '„' or '«' or '»')
                words.Append('"');
            else if (query && c == '-' && char.IsWhiteSpace(previous))
                words.Append('-');
            else if (IsSeparator(Rune.GetUnicodeCategory(rune)))
                words.Append(' ');
            else
                words.Append(rune.ToString());
            previous = words[^1];
        }
        return words.ToString();
    }

    private static bool IsSeparator(UnicodeCategory category) => category is
        UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
        or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
        or UnicodeCategory.OtherPunctuation or UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
        or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol;
}
