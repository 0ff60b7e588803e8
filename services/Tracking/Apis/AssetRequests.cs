using CreatorMeta.Contracts;
using System.Text.RegularExpressions;
using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Apis;

public sealed record RegisterAssetRequest(
    string? Title, string? Description, string? Kind, string? ContentHash,
    IReadOnlyList<string>? Topics, IReadOnlyList<string>? VisualElements, string? Format, string? Language)
{
    public Dictionary<string, string[]> Validate(out AssetDetails details)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Title))
            errors["title"] = ["A title is required."];
        else if (Title.Length > 300)
            errors["title"] = ["A title has at most 300 characters."];
        if (!Enum.TryParse<AssetKind>(Kind, true, out var kind) || int.TryParse(Kind, out _))
            errors["kind"] = [$"Kind must be one of: {string.Join(", ", Enum.GetNames<AssetKind>().Select(n => n.ToLowerInvariant()))}."];
        if (ContentHash is not null && !RequestRules.Sha256().IsMatch(ContentHash))
            errors["contentHash"] = ["The content hash must be a SHA-256 digest: 64 hexadecimal characters."];
        details = new AssetDetails(Title?.Trim() ?? "", Description, kind, ContentHash?.ToLowerInvariant(),
            RequestRules.Labels(Topics), RequestRules.Labels(VisualElements), Format?.Trim().ToLowerInvariant(), Language);
        return errors;
    }
}

public sealed record RepurposeRequest(string? Reason);

public sealed record RecordPublicationRequest(
    string? Platform, string? Account, string? ExternalPostId, string? PostUrl, DateTimeOffset? PublishedAt,
    string? Caption, IReadOnlyList<string>? Hashtags, string? Source, RepurposeRequest? Repurpose)
{
    public Dictionary<string, string[]> Validate(DateTimeOffset now, out PublicationDetails details)
    {
        var errors = new Dictionary<string, string[]>();
        var platform = Platforms.Normalize(Platform);
        if (platform is null)
            errors["platform"] = [$"Platform must be one of: {string.Join(", ", Platforms.Known)}."];
        if (string.IsNullOrWhiteSpace(Account))
            errors["account"] = ["The account (handle or id) the post went out on is required."];
        if (PublishedAt is null)
            errors["publishedAt"] = ["publishedAt is required (ISO 8601 with offset)."];
        else if (PublishedAt > now.AddMinutes(5))
            errors["publishedAt"] = ["publishedAt cannot be in the future."];
        if (PostUrl is not null && !Uri.TryCreate(PostUrl, UriKind.Absolute, out var url) | url is { Scheme: not ("http" or "https") })
            errors["postUrl"] = ["postUrl must be an absolute http(s) URL."];
        var source = PublicationSource.Manual;
        if (Source is not null && (!Enum.TryParse(Source, true, out source) || int.TryParse(Source, out _)))
            errors["source"] = ["Source must be scheduled, manual or imported."];
        if (Repurpose is not null && string.IsNullOrWhiteSpace(Repurpose.Reason))
            errors["repurpose.reason"] = ["A repurpose must say why."];
        details = new PublicationDetails(platform ?? "", Account?.Trim() ?? "", ExternalPostId?.Trim(), PostUrl,
            PublishedAt ?? now, Caption, RequestRules.Labels(Hashtags, trim: '#'), source, Repurpose?.Reason?.Trim());
        return errors;
    }
}

internal static partial class RequestRules
{
    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    public static partial Regex Sha256();

    /// <summary>Trimmed, de-duplicated labels in their first spelling; empty ones dropped.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<string>? values, char trim = ' ') =>
        (values ?? []).Select(v => v.Trim().TrimStart(trim).Trim()).Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
