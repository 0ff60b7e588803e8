namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>How a canonical metric behaves over time: a post's running total, or a reading of the account's audience.</summary>
public enum MetricKind { Counter, Gauge }

public sealed record CanonicalMetric(string Name, MetricKind Kind, string Unit, string Description);

/// <summary>The one set every platform's own names map onto; every event, response and mapping row uses these names.</summary>
public static class CanonicalMetrics
{
    public const string Impressions = "impressions";
    public const string Reach = "reach";
    public const string Views = "views";
    public const string Likes = "likes";
    public const string Dislikes = "dislikes";
    public const string Comments = "comments";
    public const string Shares = "shares";
    public const string Saves = "saves";
    public const string Clicks = "clicks";
    public const string WatchTimeSeconds = "watchTimeSeconds";
    public const string FollowersGained = "followersGained";
    public const string Followers = "followers";

    public static readonly IReadOnlyList<CanonicalMetric> All =
    [
        new(Impressions, MetricKind.Counter, "count", "Times the post was shown, repeats included."),
        new(Reach, MetricKind.Counter, "accounts", "Distinct accounts the post was shown to."),
        new(Views, MetricKind.Counter, "count", "Times the post was viewed or played, as the platform counts a view (Meta's replacement for impressions and plays since 2025)."),
        new(Likes, MetricKind.Counter, "count", "Likes, hearts and other positive reactions."),
        new(Dislikes, MetricKind.Counter, "count", "Negative ratings (YouTube; hidden from non-owners since 13 Dec 2021, so usually absent)."),
        new(Comments, MetricKind.Counter, "count", "Comments and replies."),
        new(Shares, MetricKind.Counter, "count", "Shares, reposts, retweets and quotes."),
        new(Saves, MetricKind.Counter, "count", "Saves, bookmarks and favorites."),
        new(Clicks, MetricKind.Counter, "count", "Clicks on the post or its link."),
        new(WatchTimeSeconds, MetricKind.Counter, "seconds", "Total time spent watching the post."),
        new(FollowersGained, MetricKind.Counter, "accounts", "Follows attributed to the post."),
        new(Followers, MetricKind.Gauge, "accounts", "The account's audience when the post was observed (for engagement rate by followers)."),
    ];

    private static readonly Dictionary<string, CanonicalMetric> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    public static bool IsKnown(string? name) => name is not null && ByName.ContainsKey(name);

    public static CanonicalMetric Get(string name) => ByName[name];
}
