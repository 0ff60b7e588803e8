using System.Globalization;
using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Apis;

public sealed record AssetResponse(
    string Id, string Title, string? Description, AssetKind Kind, string? ContentHash, string? PerceptualHash,
    double? DurationSeconds, int? Width, int? Height, IReadOnlyList<string> Topics, IReadOnlyList<string> VisualElements,
    string? Format, string? Language, IReadOnlyDictionary<string, string> Attributes, AssetStatus Status, bool NeedsReview,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PublicationResponse> Publications)
{
    public static AssetResponse From(Asset a, AccountTimeZones zones) => new(
        a.Id.ToString(), a.Title, a.Description, a.Kind, a.ContentHash, FormatPerceptualHash(a.PerceptualHash), a.DurationSeconds,
        a.Width, a.Height, a.Topics, a.VisualElements, a.Format, a.Language, a.Attributes, a.Status, a.NeedsReview,
        a.CreatedAt, a.UpdatedAt, a.Publications.OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Select(p => PublicationResponse.From(p, zones)).ToList());

    public static string? FormatPerceptualHash(long? hash) =>
        hash is { } h ? unchecked((ulong)h).ToString("x16", CultureInfo.InvariantCulture) : null;
}

public sealed record PublicationResponse(
    string Id, string AssetId, string Platform, string Account, string? ExternalPostId, string? PostUrl,
    DateTimeOffset PublishedAt, string? Caption, IReadOnlyList<string> Hashtags, PublicationSource Source,
    PublicationStatus Status, int Version, DateTimeOffset? RemovedAt, RepurposeResponse? Repurpose, LocalTime? PublishedLocal)
{
    /// <summary>The post as stored, and when it went out in its account's own time zone if the account is registered.</summary>
    public static PublicationResponse From(Publication p, AccountTimeZones zones) => new(
        p.Id.ToString(), p.AssetId.ToString(), p.Platform, p.Account, p.ExternalPostId, p.PostUrl, p.PublishedAt, p.Caption,
        p.Hashtags, p.Source, p.Status, p.Version, p.RemovedAt, p.RepurposeReason is null ? null : new RepurposeResponse(p.RepurposeReason),
        zones.Of(p.Platform, p.Account, p.PublishedAt));
}

public sealed record RepurposeResponse(string Reason);

public sealed record AssetPage(IReadOnlyList<AssetResponse> Items, string? NextCursor);
