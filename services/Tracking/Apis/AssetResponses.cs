using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Apis;

public sealed record AssetResponse(
    string Id, string Title, string? Description, AssetKind Kind, string? ContentHash,
    IReadOnlyList<string> Topics, IReadOnlyList<string> VisualElements, string? Format, string? Language,
    AssetStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PublicationResponse> Publications)
{
    public static AssetResponse From(Asset asset) => new(
        asset.Id.ToString(), asset.Title, asset.Description, asset.Kind, asset.ContentHash, asset.Topics, asset.VisualElements,
        asset.Format, asset.Language, asset.Status, asset.CreatedAt, asset.UpdatedAt,
        asset.Publications.OrderBy(p => p.PublishedAt).Select(PublicationResponse.From).ToList());
}

public sealed record PublicationResponse(
    string Id, string AssetId, string Platform, string Account, string? ExternalPostId, string? PostUrl,
    DateTimeOffset PublishedAt, string? Caption, IReadOnlyList<string> Hashtags, PublicationSource Source,
    PublicationStatus Status, RepurposeResponse? Repurpose)
{
    public static PublicationResponse From(Publication p) => new(
        p.Id.ToString(), p.AssetId.ToString(), p.Platform, p.Account, p.ExternalPostId, p.PostUrl, p.PublishedAt, p.Caption,
        p.Hashtags, p.Source, p.Status, p.RepurposeReason is null ? null : new RepurposeResponse(p.RepurposeReason));
}

public sealed record RepurposeResponse(string Reason);

public sealed record AssetPage(IReadOnlyList<AssetResponse> Items, string? NextCursor);
