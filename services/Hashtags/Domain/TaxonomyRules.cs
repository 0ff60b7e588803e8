using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;

namespace CreatorMeta.Hashtags.Domain;

/// <summary>
/// What makes a taxonomy valid, checked over the whole of it so a change is stored entirely or not at all. Every
/// spelling is a hashtag by <see cref="HashtagNames"/>; a spelling names one tag only (an alias of itself, an alias that
/// is another canonical tag — the start of a cycle — or an alias claimed by two tags is refused); platforms are known
/// ones; a banned tag is no convention and in no always-include set; sizes stay sensible. Errors name where they are
/// ("tags[2].aliases[0]").
/// </summary>
public static class TaxonomyRules
{
    public const int MaxTags = 2_000, MaxSpellings = 50, MaxAlwaysInclude = 30, MaxBanned = 1_000, MaxText = 200;

    public sealed record TagInput(string? Tag, IReadOnlyList<string?>? Aliases, string? Category, IReadOnlyDictionary<string, string?>? PlatformVariants)
    {
        public static TagInput Of(CanonicalTag tag) =>
            new(tag.Tag, [.. tag.Aliases], tag.Category, tag.PlatformVariants.ToDictionary(v => v.Key, v => (string?)v.Value));
    }

    public sealed record BanInput(string? Tag, string? Reason);

    public static (Taxonomy? Taxonomy, Dictionary<string, string[]> Errors) Validate(IReadOnlyList<TagInput?>? tags,
        IReadOnlyDictionary<string, IReadOnlyList<string?>?>? alwaysInclude, IReadOnlyList<BanInput?>? banned)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = errors.TryGetValue(field, out var known) ? [.. known, message] : [message];
        // On a platform whose tags end at an emoji, a spelling for it is read as that platform reads it.
        string? Tag(string field, string? sent, string? platform = null)
        {
            var tag = HashtagNames.Normalize(sent, HashtagNames.EmojiInTags(platform));
            if (tag is null)
                Error(field, $"\"{sent}\" is not a hashtag. {HashtagNames.Requirement}");
            return tag;
        }

        if (tags is { Count: > MaxTags })
            Error("tags", $"A taxonomy has at most {MaxTags} tags.");
        var canonical = new List<CanonicalTag>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal); // spelling → canonical tag it means
        var canonicalNames = (tags ?? []).Select(t => HashtagNames.Normalize(t?.Tag)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (input, i) in (tags ?? []).Select((t, i) => (t, i)))
        {
            var at = $"tags[{i}]";
            if (input is null)
                Error(at, "A tag is an object with its tag, not null.");
            if (input is null || Tag($"{at}.tag", input.Tag) is not { } tag)
                continue;
            if (!owner.TryAdd(tag, tag))
                Error($"{at}.tag", $"#{tag} is listed twice, or as another tag's alias.");
            if (input.Category is { Length: > MaxText } || input.Category is not null && !StorableText.IsStorable(input.Category))
                Error($"{at}.category", $"A category is text of at most {MaxText} characters. {StorableText.Problem}");
            if ((input.Aliases?.Count ?? 0) + (input.PlatformVariants?.Count ?? 0) > MaxSpellings)
                Error(at, $"A tag has at most {MaxSpellings} aliases and variants.");
            var aliases = new List<string>();
            foreach (var (sent, j) in (input.Aliases ?? []).Select((a, j) => (a, j)))
                if (Tag($"{at}.aliases[{j}]", sent) is { } alias && Claim($"{at}.aliases[{j}]", tag, alias) && !aliases.Contains(alias))
                    aliases.Add(alias);
            var variants = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (platformName, sent) in input.PlatformVariants ?? new Dictionary<string, string?>())
            {
                var field = $"{at}.platformVariants.{platformName}";
                if (Platforms.Normalize(platformName) is not { } platform)
                    Error(field, "platform " + Platforms.MustBeOneOf);
                else if (variants.ContainsKey(platform))
                    Error(field, $"Another variant is already for {platform}.");
                else if (Tag(field, sent, platform) is { } variant && (variant == tag || Claim(field, tag, variant)))
                    variants[platform] = variant;
            }
            canonical.Add(new CanonicalTag(tag, aliases, string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim(), variants));
        }

        // A spelling that means this tag: not the tag itself, not another canonical tag, not already another tag's spelling.
        bool Claim(string field, string tag, string spelling)
        {
            if (spelling == tag)
                Error(field, $"#{spelling} is an alias of itself.");
            else if (canonicalNames.Contains(spelling))
                Error(field, $"#{spelling} is a tag of its own; as an alias of #{tag} it would make a cycle (#{tag} → #{spelling} → …).");
            else if (owner.TryGetValue(spelling, out var other) && other != tag)
                Error(field, $"#{spelling} already means #{other}; a spelling means one tag.");
            else
            {
                owner[spelling] = tag;
                return true;
            }
            return false;
        }

        var bans = new List<BannedTag>();
        if (banned is { Count: > MaxBanned })
            Error("banned", $"At most {MaxBanned} banned tags.");
        foreach (var (input, i) in (banned ?? []).Select((b, i) => (b, i)))
        {
            if (input is null)
                Error($"banned[{i}]", "A banned tag is an object with its tag and reason, not null.");
            if (input is null || Tag($"banned[{i}].tag", input.Tag) is not { } tag)
                continue;
            if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > MaxText || !StorableText.IsStorable(input.Reason))
                Error($"banned[{i}].reason", $"A banned tag needs its reason, text of up to {MaxText} characters. {StorableText.Problem}");
            else if (owner.TryGetValue(tag, out var meaning))
                Error($"banned[{i}].tag", $"#{tag} is in the conventions (it means #{meaning}); a tag is either used or banned.");
            else if (bans.All(b => b.Tag != tag))
                bans.Add(new BannedTag(tag, input.Reason.Trim()));
        }

        var sets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (platformName, sent) in alwaysInclude ?? new Dictionary<string, IReadOnlyList<string?>?>())
        {
            var field = $"alwaysInclude.{platformName}";
            var platform = Labels.Normalize(platformName) == Taxonomy.EveryPlatform ? Taxonomy.EveryPlatform : Platforms.Normalize(platformName);
            if (platform is null)
            {
                Error(field, $"A set is for a platform ({string.Join(", ", Platforms.Known)}) or \"{Taxonomy.EveryPlatform}\".");
                continue;
            }
            if (sent is { Count: > MaxAlwaysInclude })
                Error(field, $"An always-include set has at most {MaxAlwaysInclude} tags.");
            var set = new List<string>();
            foreach (var (tagSent, j) in (sent ?? []).Select((t, j) => (t, j)))
                if (Tag($"{field}[{j}]", tagSent, platform) is { } tag)
                {
                    var meaning = owner.GetValueOrDefault(tag, tag);
                    if (bans.Any(b => b.Tag == meaning || b.Tag == tag))
                        Error($"{field}[{j}]", $"#{tag} is banned; a banned tag cannot be always included.");
                    else if (!set.Contains(meaning))
                        set.Add(meaning);
                }
            if (sets.ContainsKey(platform))
                Error(field, $"Another set is already for {platform}.");
            sets[platform] = set;
        }
        // Always included means always fits: no platform's set, with the one for every platform, may pass its maximum.
        foreach (var (platform, conventions) in PlatformConventions.Of)
            if (sets.GetValueOrDefault(Taxonomy.EveryPlatform, []).Union(sets.GetValueOrDefault(platform, [])).Count() > conventions.MaxTags)
                Error($"alwaysInclude.{(sets.ContainsKey(platform) ? platform : Taxonomy.EveryPlatform)}",
                    $"{platform} takes at most {conventions.MaxTags} tags; its always-include tags would pass that.");
        return errors.Count > 0 ? (null, errors) : (new Taxonomy(canonical, sets, bans), errors);
    }
}
