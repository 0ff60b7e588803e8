using CreatorMeta.Contracts;
using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Apis;

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
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        if (string.IsNullOrWhiteSpace(Account))
            errors["account"] = ["The account (handle or id) the post went out on is required."];
        if (PublishedAt is null)
            errors["publishedAt"] = ["publishedAt is required (ISO 8601 with offset)."];
        else if (PublishedAt > now.AddMinutes(5))
            errors["publishedAt"] = ["publishedAt cannot be in the future."];
        if (PostUrl is not null && !Uri.TryCreate(PostUrl, UriKind.Absolute, out var url) | url is { Scheme: not ("http" or "https") })
            errors["postUrl"] = ["postUrl must be an absolute http(s) URL."];
        var source = PublicationSource.Manual;
        if (Source is not null && !RequestRules.TryParseName(Source, out source))
            errors["source"] = ["Source must be scheduled, manual or imported."];
        if (Repurpose is not null && string.IsNullOrWhiteSpace(Repurpose.Reason))
            errors["repurpose.reason"] = ["A repurpose must say why."];
        details = new PublicationDetails(platform ?? "", Account?.Trim() ?? "", ExternalPostId?.Trim(), PostUrl,
            PublishedAt ?? now, Caption, RequestRules.Labels(Hashtags, trim: '#'), source, Repurpose?.Reason?.Trim());
        return errors;
    }
}

/// <summary>PATCH /publications/{id}: the post was edited on the platform.</summary>
public sealed record EditPublicationRequest(string? Caption, IReadOnlyList<string>? Hashtags, DateTimeOffset? EditedAt);

/// <summary>POST /publications/{id}/removal: the post was taken down on the platform.</summary>
public sealed record RemovalRequest(DateTimeOffset? RemovedAt, string? Reason);
