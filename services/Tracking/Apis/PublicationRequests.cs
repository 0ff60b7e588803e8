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
        var account = AccountHandles.Normalize(Account);
        if (account is null)
            errors["account"] = [AccountHandles.Requirement];
        if (PublishedAt is null)
            errors["publishedAt"] = ["publishedAt is required (ISO 8601 with offset)."];
        else if (PublishedAt > now.AddMinutes(5))
            errors["publishedAt"] = ["publishedAt cannot be in the future."];
        // A URL names the post as surely as its id does: read exactly as an import reads it, so a later import or
        // connector report of the same post finds this publication.
        var post = PostUrls.Identify(platform, ExternalPostId, PostUrl, out var problem);
        if (problem is not null)
            errors["postUrl"] = [problem];
        var source = PublicationSource.Manual;
        if (Source is not null && !RequestRules.TryParseName(Source, out source))
            errors["source"] = ["Source must be scheduled, manual or imported."];
        if (Repurpose is not null && string.IsNullOrWhiteSpace(Repurpose.Reason))
            errors["repurpose.reason"] = ["A repurpose must say why."];
        RequestRules.CheckText(errors, "caption", Caption, RequestRules.MaxCaption);
        RequestRules.CheckText(errors, "externalPostId", ExternalPostId, 200);
        RequestRules.CheckText(errors, "repurpose.reason", Repurpose?.Reason, 2000);
        var hashtags = RequestRules.Hashtags(errors, Hashtags, platform);
        details = new PublicationDetails(platform ?? "", account ?? "", post?.ExternalPostId, post is { Url.Length: > 0 } ? post.Url : null,
            PublishedAt ?? now, Caption, hashtags, source, Repurpose?.Reason?.Trim());
        return errors;
    }
}

/// <summary>PATCH /publications/{id}: the post was edited on the platform.</summary>
public sealed record EditPublicationRequest(string? Caption, IReadOnlyList<string>? Hashtags, DateTimeOffset? EditedAt);

/// <summary>POST /publications/{id}/removal: the post was taken down on the platform.</summary>
public sealed record RemovalRequest(DateTimeOffset? RemovedAt, string? Reason);
