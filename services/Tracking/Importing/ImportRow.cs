using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;
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
        var platform = Platforms.Normalize(Platform);
        if (Platform is not null && platform is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        var post = PostUrls.Identify(platform, ExternalPostId, Url, out var problem);
        if (problem is not null || post is null)
            errors["url"] = [problem ?? "Give the post's url, or its platform and externalPostId."];
        var account = AccountHandles.Normalize(Account);
        if (account is null)
            errors["account"] = [AccountHandles.Requirement];
        if (PublishedAt is null || PublishedAt > now.AddMinutes(5))
            errors["publishedAt"] = ["publishedAt is required and cannot be in the future."];
        RequestRules.CheckText(errors, "caption", Caption, RequestRules.MaxCaption);
        RequestRules.CheckText(errors, "externalPostId", ExternalPostId, 200);
        RequestRules.CheckLabels(errors, "hashtags", Hashtags);
        // Connectors' messages do not pass the HTTP body's check of text, so rows check it themselves.
        if (new[] { Url, Platform, ExternalPostId, Account, Caption, ContentHash, PerceptualHash, Title, Kind }.Concat(Hashtags ?? [])
            .Any(text => text is not null && !StorableText.IsStorable(text)))
            errors["text"] = [StorableText.Problem];
        var asset = new AssetFields(Title ?? Placeholder(post), null, Kind ?? KindFor(post?.Platform), ContentHash, PerceptualHash,
            null, null, null, null, null, null, null, null);
        var assetErrors = asset.Validate(null, out var assetDetails);
        foreach (var (field, messages) in assetErrors)
            errors[field] = messages;
        import = new ValidImport(post ?? new CanonicalPost("", "", ""), account ?? "", PublishedAt ?? now, Caption,
            HashtagNames.Of(Hashtags, post?.Platform).Tags, assetDetails with { Title = Title ?? Summary(Caption) ?? assetDetails.Title });
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
