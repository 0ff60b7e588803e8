using System.Globalization;
using System.Text.Json;

namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

public enum RawValueKind { Value, Absent, Invalid }

/// <summary>
/// One raw value read as a number. <see cref="Uncertainty"/> is how far the true count may be from it: zero for an exact
/// count, half the last shown digit for an abbreviated one ("541.2K" is 541,150 to 541,250), so a later "541.1K" from the
/// same scraper is rounding, not likes removed.
/// </summary>
public readonly record struct RawValue(RawValueKind Kind, double Value, double Uncertainty, string? Problem)
{
    public static RawValue Absent => new(RawValueKind.Absent, 0, 0, null);

    public static RawValue Invalid(string problem) => new(RawValueKind.Invalid, 0, 0, problem);

    public static RawValue Exact(double value) => new(RawValueKind.Value, value, 0, null);
}

/// <summary>
/// Reads the numbers platforms send: JSON numbers (TikTok), numeric strings (YouTube), display strings with thousands
/// separators or K/M/B suffixes (scrapers, exports). Null, empty and a dash are absent, never zero: Instagram answers
/// with nothing while its data is not ready, and a zero would read as a post nobody saw.
/// </summary>
public static class RawValues
{
    /// <summary>The largest count taken: beyond it a value is a mistake, and far beyond what a double holds exactly.</summary>
    public const double Max = 1e15;

    private static readonly string[] Dashes = ["-", "–", "—", "n/a", "N/A"];

    /// <summary>Every field of a stored observation's metrics object, read.</summary>
    public static Dictionary<string, RawValue> ReadObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal);
    }

    public static RawValue Read(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => RawValue.Absent,
        JsonValueKind.Number => element.TryGetDouble(out var number) ? Checked(number, 0) : RawValue.Invalid("is not a finite number"),
        JsonValueKind.String => Read(element.GetString()),
        _ => RawValue.Invalid("must be a number, a numeric string or null"),
    };

    public static RawValue Read(string? text)
    {
        var trimmed = text?.Trim(' ', '\t', '\u00A0', '\u202F', '\u2009', '\u200B', '\r', '\n');
        if (string.IsNullOrEmpty(trimmed) || Dashes.Contains(trimmed))
            return RawValue.Absent;
        var (digits, multiplier) = Suffix(trimmed);
        digits = WithoutGroupSeparators(digits);
        if (digits is null || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return RawValue.Invalid($"'{Shorten(trimmed)}' is not a count");
        var decimals = digits.Contains('.') ? digits.Length - digits.IndexOf('.') - 1 : 0;
        // An exact count has nothing after the point; a displayed one is uncertain by half its last shown digit.
        var uncertainty = multiplier == 1 ? 0 : 0.5 * (double)multiplier / Math.Pow(10, decimals);
        return Checked((double)number * (double)multiplier, uncertainty);
    }

    private static RawValue Checked(double value, double uncertainty) =>
        !double.IsFinite(value) ? RawValue.Invalid("is not a finite number")
        : value < 0 ? RawValue.Invalid("cannot be negative")
        : value > Max ? RawValue.Invalid("is too large to be a count")
        : new RawValue(RawValueKind.Value, value, uncertainty, null);

    private static (string Digits, decimal Multiplier) Suffix(string text) => char.ToUpperInvariant(text[^1]) switch
    {
        'K' => (text[..^1].TrimEnd(), 1_000m),
        'M' => (text[..^1].TrimEnd(), 1_000_000m),
        'B' => (text[..^1].TrimEnd(), 1_000_000_000m),
        _ => (text, 1m),
    };

    /// <summary>"1,234,567" and "1 234 567" are grouped digits; "1,2" is not a count in any of the platforms' exports.</summary>
    private static string? WithoutGroupSeparators(string digits)
    {
        var separator = digits.FirstOrDefault(c => c is ',' or ' ' or '\u00A0' or '\u202F');
        if (separator == default)
            return digits;
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var groups = whole.TrimStart('-').Split(separator);
        if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            return null;
        return whole.Replace(separator.ToString(), "") + (point < 0 ? "" : digits[point..]);
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
