using CreatorMeta.Contracts;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;

namespace CreatorMeta.Tracking.Apis;

/// <summary>The query string of GET /assets and GET /assets/export.</summary>
public sealed record AssetQuery(
    string? Q, string? Platform, string? Account, string? Topic, string? VisualElement, string? Format, string? Kind,
    string? Hashtag, string? Status, DateTimeOffset? PublishedFrom, DateTimeOffset? PublishedTo, string? NotPublishedOn,
    int? Limit, string? Cursor)
{
    public Dictionary<string, string[]> Validate(out AssetFilter filter, out int limit, out Pagination.Position? after)
    {
        var errors = new Dictionary<string, string[]>();
        limit = Pagination.Parse(Limit, Cursor, out after, errors);
        string? Known(string? platform, string field)
        {
            if (platform is null)
                return null;
            if (Platforms.Normalize(platform) is { } known)
                return known;
            errors[field] = ["Platform " + Platforms.MustBeOneOf];
            return null;
        }
        var platform = Known(Platform, "platform");
        var notPublishedOn = Known(NotPublishedOn, "notPublishedOn");
        if (Kind is not null && !RequestRules.TryParseName<AssetKind>(Kind, out _))
            errors["kind"] = [$"Kind must be one of: {RequestRules.Names<AssetKind>()}."];
        if (Status is not null && !RequestRules.TryParseName<AssetStatus>(Status, out _))
            errors["status"] = [$"Status must be one of: {RequestRules.Names<AssetStatus>()}."];
        if (PublishedFrom >= PublishedTo)
            errors["publishedTo"] = ["publishedTo must be after publishedFrom."];
        var account = AccountHandles.Normalize(Account);
        if (Account is not null && account is null)
            errors["account"] = [AccountHandles.Requirement];
        var hashtag = HashtagNames.Normalize(Hashtag);
        if (Hashtag is not null && hashtag is null)
            errors["hashtag"] = [HashtagNames.Requirement];
        if (Q is { Length: > 500 })
            errors["q"] = ["A search text has at most 500 characters."];
        filter = new AssetFilter(Q, platform, account, Labels.Normalize(Topic), Labels.Normalize(VisualElement), Labels.Normalize(Format), Labels.Normalize(Kind),
            hashtag, Labels.Normalize(Status), PublishedFrom, PublishedTo, notPublishedOn);
        return errors;
    }
}
