using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;

namespace CreatorMeta.Hashtags.Domain.Trends;

/// <summary>An outside service's word that a tag trends on a platform, by its one spelling.</summary>
public sealed record TrendSignal(string Platform, string Tag, string Source, DateTimeOffset ObservedAt, double Score)
{
    public const int MaxSource = 100;

    /// <summary>
    /// The signal as sent through REST or the connectors' exchange, checked by the same rules either way: a known platform,
    /// a hashtag, a named source, a finite score and a time that is not in the future; or what is wrong with it.
    /// </summary>
    public static (TrendSignal? Signal, Dictionary<string, string[]> Errors) From(string? platform, string? tag, string? source, DateTimeOffset? observedAt,
        double? score, DateTimeOffset now, string at = "")
    {
        var errors = new Dictionary<string, string[]>();
        var known = Platforms.Normalize(platform);
        if (known is null)
            errors[at + "platform"] = ["platform " + Platforms.MustBeOneOf];
        var name = HashtagNames.Normalize(tag, HashtagNames.EmojiInTags(known)); // as the platform reads it
        if (name is null)
            errors[at + "tag"] = [HashtagNames.Requirement];
        var sourceName = Labels.Normalize(source);
        if (sourceName is null || sourceName.Length > MaxSource || !StorableText.IsStorable(sourceName))
            errors[at + "source"] = [$"source names the service that saw the trend, 1–{MaxSource} characters."];
        if (score is not { } value || !double.IsFinite(value) || Math.Abs(value) > 1e9)
            errors[at + "score"] = ["score is a finite number, at most 1e9 in size."];
        if (observedAt is not { } seen || seen == default || seen > now.AddMinutes(5))
            errors[at + "observedAt"] = ["observedAt is when the trend was seen, not in the future."];
        return errors.Count > 0 ? (null, errors) : (new TrendSignal(known!, name!, sourceName!, observedAt!.Value.ToUniversalTime(), score!.Value), errors);
    }
}
