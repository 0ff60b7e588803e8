using System.Text.RegularExpressions;

namespace CreatorMeta.Tracking.Domain;

/// <summary>A post as the platform identifies it, with one canonical URL however it was linked.</summary>
public sealed record CanonicalPost(string Platform, string ExternalPostId, string Url);

/// <summary>
/// Turns the many URL shapes a post can be linked by (mobile hosts, short links, tracking parameters, reels vs posts)
/// into (platform, external post id), so the same post imported twice is recognised as one.
/// </summary>
public static partial class PostUrls
{
    /// <summary>
    /// The post a publication names by its URL and/or its platform's post id, read the same way at every way in (REST,
    /// import, connectors): a URL is canonicalized and must agree with the platform and id sent beside it. Null, with no
    /// error, when neither a URL nor an id was given. <paramref name="platform"/> is a normalized platform name or null.
    /// </summary>
    public static CanonicalPost? Identify(string? platform, string? externalPostId, string? url, out string? error)
    {
        error = null;
        var id = string.IsNullOrWhiteSpace(externalPostId) ? null : externalPostId.Trim();
        if (url is null)
            return platform is not null && id is not null ? new CanonicalPost(platform, id, "") : null;
        var post = Canonicalize(url, out error);
        if (post is not null && ((platform is not null && platform != post.Platform) || (id is not null && id != post.ExternalPostId)))
        {
            error = $"The URL is {post.Platform} post {post.ExternalPostId}, which disagrees with the platform or externalPostId sent with it.";
            return null;
        }
        return post;
    }

    public static CanonicalPost? Canonicalize(string? text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            error = "Not an absolute http(s) URL.";
            return null;
        }
        var host = Host(url.Host);
        var path = url.AbsolutePath.TrimEnd('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        CanonicalPost? post = host switch
        {
            "youtube.com" or "music.youtube.com" or "youtube-nocookie.com" or "youtu.be" => YouTube(host, segments, query["v"]),
            "instagram.com" => Instagram(segments),
            "tiktok.com" => TikTok(segments),
            "x.com" or "twitter.com" => X(segments),
            "linkedin.com" => LinkedIn(path),
            "facebook.com" => Facebook(segments, query),
            _ when IsPinterest(host) => Pinterest(segments),
            "vm.tiktok.com" or "vt.tiktok.com" or "fb.watch" or "pin.it" or "t.co" or "lnkd.in" => ShortLink(host, out error),
            _ => null,
        };
        if (post is null)
            error ??= $"Not a post URL of a supported platform ({string.Join(", ", Contracts.Platforms.Known)}).";
        return post;
    }

    private static string Host(string host)
    {
        host = host.ToLowerInvariant();
        foreach (var prefix in new[] { "www.", "m.", "mobile.", "web.", "touch." })
            if (host.StartsWith(prefix, StringComparison.Ordinal))
                return host[prefix.Length..];
        return host;
    }

    private static CanonicalPost? YouTube(string host, string[] s, string? v)
    {
        var id = host == "youtu.be" ? s.FirstOrDefault()
            : s is ["watch"] ? v
            : s is ["shorts" or "embed" or "live" or "v", var x, ..] ? x
            : null;
        return id is not null && YouTubeId().IsMatch(id) ? new("youtube", id, $"https://www.youtube.com/watch?v={id}") : null;
    }

    private static CanonicalPost? Instagram(string[] s)
    {
        var code = s switch
        {
            ["p" or "reel" or "reels" or "tv", var c, ..] => c,
            [_, "p" or "reel" or "tv", var c, ..] => c,
            _ => null,
        };
        return code is not null && Shortcode().IsMatch(code) ? new("instagram", code, $"https://www.instagram.com/p/{code}/") : null;
    }

    private static CanonicalPost? TikTok(string[] s) => s switch
    {
        [var user, "video" or "photo", var id, ..] when user.StartsWith('@') && Digits().IsMatch(id) =>
            new("tiktok", id, $"https://www.tiktok.com/{user.ToLowerInvariant()}/video/{id}"),
        ["v", var file] when file.EndsWith(".html") && Digits().IsMatch(file[..^5]) =>
            new("tiktok", file[..^5], $"https://www.tiktok.com/@/video/{file[..^5]}"),
        ["embed", "v2", var id] when Digits().IsMatch(id) => new("tiktok", id, $"https://www.tiktok.com/@/video/{id}"),
        _ => null,
    };

    private static CanonicalPost? X(string[] s) => s switch
    {
        ["i", "web", "status", var id, ..] when Digits().IsMatch(id) => new("x", id, $"https://x.com/i/web/status/{id}"),
        ["i", "status", var id, ..] when Digits().IsMatch(id) => new("x", id, $"https://x.com/i/web/status/{id}"),
        [var user, "status" or "statuses", var id, ..] when Digits().IsMatch(id) => new("x", id, $"https://x.com/{user}/status/{id}"),
        _ => null,
    };

    private static CanonicalPost? LinkedIn(string path)
    {
        var urn = LinkedInUrn().Match(Uri.UnescapeDataString(path));
        var activity = LinkedInActivity().Match(path);
        var id = urn.Success ? $"urn:li:{urn.Groups[1].Value}:{urn.Groups[2].Value}"
            : activity.Success ? $"urn:li:activity:{activity.Groups[1].Value}"
            : null;
        return id is null ? null : new("linkedin", id, $"https://www.linkedin.com/feed/update/{id}/");
    }

    private static CanonicalPost? Facebook(string[] s, System.Collections.Specialized.NameValueCollection q)
    {
        var id = s switch
        {
            ["permalink.php" or "story.php"] when q["story_fbid"] is { } story && q["id"] is { } page => $"{page}_{story}",
            ["photo.php"] or ["photo"] => q["fbid"],
            ["watch"] => q["v"],
            ["reel", var r, ..] => r,
            [_, "posts" or "videos", var p, ..] => p,
            [_, "photos", .., var p] => p,
            _ => null,
        };
        return id is not null && FacebookId().IsMatch(id) ? new("facebook", id, $"https://www.facebook.com/{id}") : null;
    }

    private static bool IsPinterest(string host) =>
        host.StartsWith("pinterest.", StringComparison.Ordinal) || host.EndsWith(".pinterest.com", StringComparison.Ordinal) || host == "pinterest.com";

    private static CanonicalPost? Pinterest(string[] s)
    {
        // Newer pin URLs carry a slug before the id: /pin/sunset-at-the-pier--123456789/
        var id = s is ["pin", var p, ..] ? p[(p.LastIndexOf("--", StringComparison.Ordinal) is var i and >= 0 ? i + 2 : 0)..] : null;
        return id is not null && Digits().IsMatch(id) ? new("pinterest", id, $"https://www.pinterest.com/pin/{id}/") : null;
    }

    private static CanonicalPost? ShortLink(string host, out string? error)
    {
        error = $"{host} links are short links that only the platform can expand: open it and use the full post URL.";
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$")]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[A-Za-z0-9_-]{5,40}$")]
    private static partial Regex Shortcode();

    [GeneratedRegex("^[0-9]{5,25}$")]
    private static partial Regex Digits();

    [GeneratedRegex("^(?:[0-9]{5,25}(?:_[0-9]{5,25})?|pfbid[A-Za-z0-9]{10,80})$")]
    private static partial Regex FacebookId();

    [GeneratedRegex("urn:li:(activity|share|ugcPost):([0-9]{5,25})")]
    private static partial Regex LinkedInUrn();

    [GeneratedRegex("-activity-([0-9]{5,25})-")]
    private static partial Regex LinkedInActivity();
}
