using System.Globalization;
using System.Text.RegularExpressions;
using CreatorMeta.Contracts;
using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Apis;

/// <summary>
/// The fields of an asset as clients send them. On PATCH, a field left out (or null) keeps its value; an empty
/// string clears description, format and language; lists and attributes are replaced whole.
/// </summary>
public sealed record AssetFields(
    string? Title, string? Description, string? Kind, string? ContentHash, string? PerceptualHash,
    double? DurationSeconds, int? Width, int? Height, IReadOnlyList<string>? Topics, IReadOnlyList<string>? VisualElements,
    string? Format, string? Language, Dictionary<string, string>? Attributes)
{
    /// <summary>Overlays these fields on <paramref name="current"/> (or on nothing, for a new asset) and validates the result.</summary>
    public Dictionary<string, string[]> Validate(AssetDetails? current, out AssetDetails details)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Title?.Trim() ?? current?.Title;
        if (string.IsNullOrWhiteSpace(title))
            errors["title"] = ["A title is required."];
        else if (title.Length > 300)
            errors["title"] = ["A title has at most 300 characters."];
        var kind = current?.Kind ?? default;
        if ((Kind is not null || current is null) && !RequestRules.TryParseName(Kind, out kind))
            errors["kind"] = [$"Kind must be one of: {RequestRules.Names<AssetKind>()}."];
        if (ContentHash is { Length: > 0 } && !RequestRules.Sha256().IsMatch(ContentHash))
            errors["contentHash"] = ["The content hash must be a SHA-256 digest: 64 hexadecimal characters."];
        long? perceptual = current?.PerceptualHash;
        if (PerceptualHash is { Length: > 0 })
        {
            if (RequestRules.PerceptualHash().IsMatch(PerceptualHash))
                perceptual = unchecked((long)ulong.Parse(PerceptualHash, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            else
                errors["perceptualHash"] = ["The perceptual hash is a 64-bit dHash: 16 hexadecimal characters."];
        }
        if (DurationSeconds is < 0 or > 86_400)
            errors["durationSeconds"] = ["Duration is between 0 and 86400 seconds."];
        if (Width is < 1 or > 100_000 || Height is < 1 or > 100_000)
            errors["dimensions"] = ["Width and height are positive pixel counts."];
        if (Attributes is { Count: > 100 } || Attributes?.Any(a => a.Key.Length is 0 or > 100 || a.Value is null or { Length: > 2000 }) == true)
            errors["attributes"] = ["At most 100 attributes; keys of 1–100 characters, values are strings of up to 2000."];
        RequestRules.CheckText(errors, "description", Description, 10_000);
        RequestRules.CheckText(errors, "format", Format, 100);
        RequestRules.CheckText(errors, "language", Language, 35);
        RequestRules.CheckLabels(errors, "topics", Topics);
        RequestRules.CheckLabels(errors, "visualElements", VisualElements);

        details = new AssetDetails(
            title ?? "",
            Clearable(Description, current?.Description),
            kind,
            ContentHash is null ? current?.ContentHash : ContentHash.Length == 0 ? null : ContentHash.ToLowerInvariant(),
            PerceptualHash is "" ? null : perceptual,
            DurationSeconds ?? current?.DurationSeconds,
            Width ?? current?.Width,
            Height ?? current?.Height,
            Topics is null ? current?.Topics ?? [] : Labels.Of(Topics),
            VisualElements is null ? current?.VisualElements ?? [] : Labels.Of(VisualElements),
            Format is null ? current?.Format : Labels.Normalize(Format),
            Language is null ? current?.Language : Labels.Normalize(Language),
            Attributes ?? current?.Attributes ?? new Dictionary<string, string>());
        return errors;
    }

    private static string? Clearable(string? sent, string? current) => sent is null ? current : sent.Length == 0 ? null : sent;
}

/// <summary>PATCH /assets/{id}: any asset fields, a lifecycle move, and/or marking an imported placeholder as reviewed.</summary>
public sealed record UpdateAssetRequest(
    string? Title, string? Description, string? Kind, string? ContentHash, string? PerceptualHash,
    double? DurationSeconds, int? Width, int? Height, IReadOnlyList<string>? Topics, IReadOnlyList<string>? VisualElements,
    string? Format, string? Language, Dictionary<string, string>? Attributes, string? Status, bool? Reviewed)
{
    public AssetFields Fields => new(Title, Description, Kind, ContentHash, PerceptualHash, DurationSeconds, Width, Height,
        Topics, VisualElements, Format, Language, Attributes);
}

internal static partial class RequestRules
{
    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    public static partial Regex Sha256();

    [GeneratedRegex("^[0-9a-fA-F]{16}$")]
    public static partial Regex PerceptualHash();

    public const int MaxCaption = 70_000;

    /// <summary>A request's hashtags in their one spelling on the platform; any that is not a hashtag is refused, by name.</summary>
    public static IReadOnlyList<string> Hashtags(Dictionary<string, string[]> errors, IReadOnlyList<string>? values, string? platform)
    {
        CheckLabels(errors, "hashtags", values);
        var (tags, notTags) = HashtagNames.Of(values, platform);
        if (notTags.Count > 0 && !errors.ContainsKey("hashtags"))
            errors["hashtags"] = [$"Not hashtags: {string.Join(", ", notTags.Take(5).Select(t => $"\"{t}\""))}. {HashtagNames.Requirement}"];
        return tags;
    }

    /// <summary>A list of labels must hold strings (JSON null is not a label) and stay a sensible size.</summary>
    public static void CheckLabels(Dictionary<string, string[]> errors, string field, IReadOnlyList<string>? values)
    {
        if (values is { Count: > 100 } || values?.Any(v => v is null or { Length: > 200 }) == true)
            errors[field] = [$"{field} is a list of at most 100 strings of up to 200 characters each."];
    }

    public static void CheckText(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is { Length: var length } && length > maxLength)
            errors[field] = [$"{field} has at most {maxLength} characters."];
    }

    /// <summary>An enum by its lower-case name only (never by number).</summary>
    public static bool TryParseName<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, true, out value) && !int.TryParse(text, out _) && Enum.IsDefined(value);

    public static string Names<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}
