using CreatorMeta.Contracts;

namespace CreatorMeta.Hashtags.Domain;

/// <summary>A tag of the creator's own conventions, with the spellings that mean it and how each platform writes it.</summary>
public sealed record CanonicalTag(string Tag, IReadOnlyList<string> Aliases, string? Category, IReadOnlyDictionary<string, string> PlatformVariants);

/// <summary>A tag never to use, and why.</summary>
public sealed record BannedTag(string Tag, string Reason);

/// <summary>
/// A creator's tagging conventions: canonical tags, each with its aliases and spelling variants ("#tbt" and
/// "#throwbackthursday" are "#throwback") and the spelling each platform gets ("#tbt" on Instagram, "#throwback" on
/// LinkedIn); the tags always added on a platform; the tags never used. Usage is counted under the canonical tag, so a
/// tag written three ways is one tag with its uses together. Valid by construction (<see cref="TaxonomyRules"/>): no
/// spelling means two tags, no alias is a tag of its own, nothing banned is also a convention or always included.
/// </summary>
public sealed class Taxonomy
{
    /// <summary>The platform key of an always-include set that applies on every platform.</summary>
    public const string EveryPlatform = "any";

    public static readonly Taxonomy Empty = new([], new Dictionary<string, IReadOnlyList<string>>(), []);

    private readonly Dictionary<string, string> canonicalOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CanonicalTag> byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> banned = new(StringComparer.Ordinal);

    internal Taxonomy(IReadOnlyList<CanonicalTag> tags, IReadOnlyDictionary<string, IReadOnlyList<string>> alwaysInclude, IReadOnlyList<BannedTag> bannedTags)
    {
        (Tags, AlwaysIncludeSets, Banned) = (tags, alwaysInclude, bannedTags);
        foreach (var tag in tags)
        {
            byTag[tag.Tag] = tag;
            foreach (var spelling in tag.Aliases.Concat(tag.PlatformVariants.Values).Append(tag.Tag))
                canonicalOf[spelling] = tag.Tag;
        }
        foreach (var tag in bannedTags)
            banned[tag.Tag] = tag.Reason;
    }

    public IReadOnlyList<CanonicalTag> Tags { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AlwaysIncludeSets { get; }
    public IReadOnlyList<BannedTag> Banned { get; }

    /// <summary>The canonical tag a spelling counts as: itself when the taxonomy does not name it.</summary>
    public string Canonical(string tag) => canonicalOf.GetValueOrDefault(tag, tag);

    public string? CategoryOf(string canonical) => byTag.GetValueOrDefault(canonical)?.Category;

    /// <summary>How the tag is written on a platform: its variant there, else the canonical tag.</summary>
    public string WrittenOn(string canonical, string platform) =>
        byTag.GetValueOrDefault(canonical)?.PlatformVariants.GetValueOrDefault(platform) ?? canonical;

    /// <summary>Why the tag (or the canonical tag it counts as) is banned; null when it is not.</summary>
    public string? BanReason(string tag) => banned.GetValueOrDefault(tag) ?? banned.GetValueOrDefault(Canonical(tag));

    /// <summary>The canonical tags always added on the platform: its own set and the set for every platform.</summary>
    public IReadOnlyList<string> AlwaysInclude(string platform) =>
        [.. AlwaysIncludeSets.GetValueOrDefault(EveryPlatform, []).Concat(AlwaysIncludeSets.GetValueOrDefault(platform, [])).Distinct(StringComparer.Ordinal)];

    /// <summary>The taxonomy with one canonical tag added, or replacing the one of the same name.</summary>
    public (Taxonomy? Taxonomy, Dictionary<string, string[]> Errors) With(TaxonomyRules.TagInput tag) =>
        TaxonomyRules.Validate(
            [.. Tags.Where(t => t.Tag != HashtagNames.Normalize(tag.Tag)).Select(TaxonomyRules.TagInput.Of), tag],
            AlwaysIncludeSets.ToDictionary(s => s.Key, s => (IReadOnlyList<string?>?)[.. s.Value]),
            [.. Banned.Select(b => new TaxonomyRules.BanInput(b.Tag, b.Reason))]);
}
