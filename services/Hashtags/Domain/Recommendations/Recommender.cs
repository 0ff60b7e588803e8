using System.Globalization;
using CreatorMeta.Contracts;
using CreatorMeta.Hashtags.Domain.Performance;
using CreatorMeta.Hashtags.Domain.Trends;

namespace CreatorMeta.Hashtags.Domain.Recommendations;

/// <summary>A tag to add, as the platform gets it written, with how strongly and why.</summary>
public sealed record Recommendation(string Tag, string WrittenAs, string Kind, double Score, string Reason);

/// <summary>What a recommendation starts from: the platform, the caption and topics of the content, and the evidence.</summary>
public sealed record RecommendationInput(PlatformConventions Platform, string? Caption, IReadOnlyList<string> Topics, int Count, Taxonomy Taxonomy,
    IReadOnlyList<TagPerformance> Performance, IReadOnlyList<TagTrend> Trends, IReadOnlyList<(string Tag, string Source, double Score, double? Previous)> Outside);

/// <summary>
/// Ranked tags for one piece of content on one platform, mixing four kinds so no one kind crowds out the rest:
/// <list type="bullet">
/// <item><b>always-include</b>: the taxonomy's set for the platform and for every platform — always there, first.</item>
/// <item><b>proven</b>: tags whose effect on this platform, with account, format and time held equal, has a 95 % interval above zero
/// and a q-value of 5 % or less over every tag tested.</item>
/// <item><b>trending</b>: the creator's own tags rising on the platform, then what outside sources report rising (named as theirs).</item>
/// <item><b>niche</b>: tags this content is about (its topics, its caption's keywords) that the creator has used on few posts
/// — specific rather than crowded. We hold no counts of other creators' use of a tag, so "niche" is judged from the
/// creator's own library only, and the reason says so.</item>
/// </list>
/// Banned tags never appear, tags already in the caption are not repeated, and the list stops at the requested count (the
/// always-include set comes on top of it), the platform's maximum, or the caption's length limit with the tags written
/// into it (as TikTok and X count them), whichever comes first, counted as the platform counts
/// (<see cref="PlatformConventions.LengthOf"/>: on X two for CJK and emoji, 23 for a link). Scores order tags within the answer (1 always-include; proven and trending by how far their
/// interval clears zero; niche 0.3).
/// </summary>
public static class Recommender
{
    /// <summary>The tags, and any of the always-include set that could not be added (over the platform's maximum or its caption limit).</summary>
    public static (IReadOnlyList<Recommendation> Tags, IReadOnlyList<string> AlwaysIncludeOmitted) Recommend(RecommendationInput input)
    {
        var (platform, taxonomy) = (input.Platform, input.Taxonomy);
        var captionTags = input.Caption is null ? [] : CaptionText.Hashtags(input.Caption, platform);
        var inCaption = captionTags.Select(t => taxonomy.Canonical(t.Tag)).ToHashSet(StringComparer.Ordinal);
        var length = input.Caption is null ? 0 : platform.LengthOf(input.Caption);
        var (maxTags, chosen, others) = (platform.MaxTags - inCaption.Count, new List<Recommendation>(), 0);
        bool Add(Recommendation candidate)
        {
            var tag = taxonomy.Canonical(candidate.Tag);
            var always = candidate.Kind == "always-include";
            if (chosen.Count >= maxTags || !always && others >= input.Count || taxonomy.BanReason(tag) is not null || inCaption.Contains(tag)
                || chosen.Any(c => c.Tag == tag))
                return false;
            var written = taxonomy.WrittenOn(tag, platform.Platform);
            var added = platform.LengthOf(" #" + written);
            if (length + added > platform.TextLimit)
                return false;
            length += added;
            others += always ? 0 : 1;
            chosen.Add(candidate with { Tag = tag, WrittenAs = "#" + written });
            return true;
        }

        // The always-include set is there whatever count asks for; only the platform's own limits can leave one out, and then it is named.
        var omitted = taxonomy.AlwaysInclude(platform.Platform)
            .Where(tag => !inCaption.Contains(tag) && !Add(new Recommendation(tag, "", "always-include", 1, $"In your always-include set for {platform.Platform}.")))
            .ToList();
        var kinds = new[] { Proven(input), Trending(input), Niche(input, captionTags) }.Select(k => new Queue<Recommendation>(k)).ToList();
        while (others < input.Count && chosen.Count < maxTags && kinds.Any(k => k.Count > 0))
            foreach (var kind in kinds.Where(k => k.Count > 0))
                while (kind.TryDequeue(out var candidate) && !Add(candidate))
                {
                }
        return (chosen, omitted);
    }

    private static IEnumerable<Recommendation> Proven(RecommendationInput input) =>
        input.Performance.Where(p => p.Platform == input.Platform.Platform && p.Effect is { Low: > 0 } && p.Q <= 0.05)
            .OrderByDescending(p => p.Effect!.Low)
            .Select(p => new Recommendation(p.Tag, "", "proven", 0.5 + 0.5 * Math.Min(1, p.Effect!.Low / 0.1),
                string.Create(CultureInfo.InvariantCulture,
                    $"Proven for you on {p.Platform}: {p.Effect.Estimate:+0.000;-0.000} on your score (95 % interval {p.Effect.Low:0.000} to {p.Effect.High:0.000}) over {p.Uses} posts, with account, format and time of day held equal.")));

    private static IEnumerable<Recommendation> Trending(RecommendationInput input)
    {
        foreach (var trend in input.Trends.Where(t => t.Platform == input.Platform.Platform && t.Direction == "rising").OrderByDescending(t => t.Change!.Low))
            yield return new Recommendation(trend.Tag, "", "trending", 0.5 + 0.5 * Math.Min(1, trend.Change!.Low / 0.1), string.Create(CultureInfo.InvariantCulture,
                $"Trending in your posts: {trend.Change.Lift:+0.000;-0.000} against your other posts in the latest window over the one before ({trend.UsesNow} uses now)."));
        var strongest = input.Outside.GroupBy(o => o.Source).ToDictionary(g => g.Key, g => g.Max(o => Math.Abs(o.Score)));
        foreach (var signal in input.Outside.Where(o => o.Previous is null || o.Score > o.Previous).OrderByDescending(o => o.Score / Math.Max(1e-9, strongest[o.Source])))
            yield return new Recommendation(signal.Tag, "", "trending", 0.3 + 0.4 * Math.Clamp(signal.Score / Math.Max(1e-9, strongest[signal.Source]), 0, 1),
                string.Create(CultureInfo.InvariantCulture, $"Trending now according to {signal.Source} (an outside signal, not your evidence): score {signal.Score:0.##}")
                    + (signal.Previous is { } previous ? string.Create(CultureInfo.InvariantCulture, $", up from {previous:0.##}.") : "."));
    }

    private static IEnumerable<Recommendation> Niche(RecommendationInput input, IReadOnlyList<FoundTag> captionTags)
    {
        var uses = input.Performance.Where(p => p.Platform == input.Platform.Platform).ToDictionary(p => p.Tag, p => p.Uses);
        var about = input.Topics.Select(t => (Text: t, From: "topic"))
            .Concat(input.Caption is null ? [] : CaptionText.Keywords(input.Caption, captionTags).Select(k => (Text: k.Keyword, From: "caption")));
        foreach (var (text, from) in about)
            if (HashtagNames.Normalize(text.Replace(" ", ""), HashtagNames.EmojiInTags(input.Platform.Platform)) is { } tag && uses.GetValueOrDefault(input.Taxonomy.Canonical(tag)) < 5)
                yield return new Recommendation(tag, "", "niche", 0.3,
                    $"Niche: this content's {from} \"{text}\", used on {uses.GetValueOrDefault(input.Taxonomy.Canonical(tag))} of your {input.Platform.Platform} posts (judged from your library; other creators' use of it is not known to us).");
    }
}
