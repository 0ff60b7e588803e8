using CreatorMeta.Contracts;
using CreatorMeta.Tracking.Apis;
using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Importing;

/// <summary>
/// One post made outside CreatorMeta: identified by its URL, or by platform and external post id; the hashes, when
/// known, find the asset it shows.
/// </summary>
public sealed record ImportRow(
    string? Url, string? Platform, string? ExternalPostId, string? Account, DateTimeOffset? PublishedAt,
    string? Caption, IReadOnlyList<string>? Hashtags, string? ContentHash, string? PerceptualHash, string? Title, string? Kind)
{
    public Dictionary<string, string[]> Validate(DateTimeOffset now, out ValidImport import)
    {
        var errors = new Dictionary<string, string[]>();
        CanonicalPost? post = null;
        if (Url is not null)
        {
            post = PostUrls.Canonicalize(Url, out var problem);
            if (post is null)
                errors["url"] = [problem!];
            else if ((Platform is not null && Platforms.Normalize(Platform) != post.Platform) || (ExternalPostId is not null && ExternalPostId != post.ExternalPostId))
                errors["url"] = [$"The URL is {post.Platform} post {post.ExternalPostId}, which disagrees with platform/externalPostId."];
        }
        else if (Platforms.Normalize(Platform) is { } platform && !string.IsNullOrWhiteSpace(ExternalPostId))
            post = new CanonicalPost(platform, ExternalPostId.Trim(), "");
        else
            errors["url"] = ["Give the post's url, or its platform and externalPostId."];
        if (string.IsNullOrWhiteSpace(Account))
            errors["account"] = ["The account the post went out on is required."];
        if (PublishedAt is null || PublishedAt > now.AddMinutes(5))
            errors["publishedAt"] = ["publishedAt is required and cannot be in the future."];
        var asset = new AssetFields(Title ?? Placeholder(post), null, Kind ?? KindFor(post?.Platform), ContentHash, PerceptualHash,
            null, null, null, null, null, null, null, null);
        var assetErrors = asset.Validate(null, out var assetDetails);
        foreach (var (field, messages) in assetErrors)
            errors[field] = messages;
        import = new ValidImport(post ?? new CanonicalPost("", "", ""), Account?.Trim() ?? "", PublishedAt ?? now, Caption,
            RequestRules.Labels(Hashtags, trim: '#'), assetDetails with { Title = Title ?? Summary(Caption) ?? assetDetails.Title });
        return errors;
    }

    private static string Placeholder(CanonicalPost? post) => post is null ? "Imported post" : $"Imported {post.Platform} post {post.ExternalPostId}";

    private static string? Summary(string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption))
            return null;
        caption = caption.Trim();
        if (caption.Length <= 80)
            return caption;
        // Never cut an emoji (a surrogate pair) in half: half of one is not valid text.
        var cut = char.IsHighSurrogate(caption[79]) ? 79 : 80;
        return caption[..cut].Trim() + "…";
    }

    /// <summary>What a platform's post most likely is, for a placeholder asset someone will review.</summary>
    private static string KindFor(string? platform) => platform switch
    {
        "youtube" => "video",
        "tiktok" => "short",
        "instagram" or "pinterest" => "photo",
        _ => "text",
    };
}

public sealed record ValidImport(CanonicalPost Post, string Account, DateTimeOffset PublishedAt, string? Caption,
    IReadOnlyList<string> Hashtags, AssetDetails Asset);

public sealed record ImportResult(
    int Index, string Status, string? PublicationId = null, string? AssetId = null, string? MatchedBy = null,
    string? Platform = null, string? ExternalPostId = null, IReadOnlyList<string>? Warnings = null,
    IDictionary<string, string[]>? Errors = null);
