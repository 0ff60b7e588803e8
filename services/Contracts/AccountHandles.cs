using System.Text.RegularExpressions;
using CreatorMeta.Contracts.Unicode;

namespace CreatorMeta.Contracts;

/// <summary>
/// One spelling per platform account, so that no check ever compares two spellings of the same one. Every platform
/// matches handles without regard to case, a leading '@' or surrounding space: <c>jamal</c>, <c>@Jamal</c> and
/// <c> @JAMAL </c> are all <c>@jamal</c>. External account ids (a YouTube channel id, a LinkedIn URN, a numeric user or
/// page id) are case-sensitive identifiers, kept as given.
/// </summary>
public static partial class AccountHandles
{
    public const int MaxLength = 200;

    /// <summary>The validation message for an account that is empty or too long.</summary>
    public const string Requirement = "The account is a handle (e.g. @jamal) or the platform's account id, 1–200 characters.";

    /// <summary>The account's one spelling; null when nothing is left of it or it is too long.</summary>
    public static string? Normalize(string? account)
    {
        if (account is null || !CompatibilityForm.IsWellFormed(account))
            return null;
        var text = CompatibilityForm.Of(account).Trim(Invisible);
        if (string.IsNullOrEmpty(text))
            return null;
        if (!ExternalId().IsMatch(text))
        {
            text = Whitespace().Replace(text.TrimStart('@').Trim(Invisible), " ").ToLowerInvariant();
            text = text.Length == 0 ? "" : "@" + text;
        }
        return text.Length is 0 or > MaxLength ? null : text;
    }

    // Trim() alone leaves the zero-width characters a copy from a profile page often carries.
    private static readonly char[] Invisible = [.. Enumerable.Range(0, 0x10000).Select(c => (char)c)
        .Where(c => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')];

    [GeneratedRegex(@"^(?:UC[A-Za-z0-9_-]{22}|urn:li:[a-zA-Z]+:[A-Za-z0-9_-]+|[0-9]+)$")]
    private static partial Regex ExternalId();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
