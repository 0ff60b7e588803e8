using CreatorMeta.Hashtags.Domain;
using CreatorMeta.Hashtags.Infrastructure;

namespace CreatorMeta.Hashtags.Apis;

/// <summary>The hashtags of a caption in order of appearance and its keywords by count; positions in UTF-16 code units.</summary>
public sealed record ExtractResponse(string Platform, IReadOnlyList<FoundTag> Hashtags, IReadOnlyList<FoundKeyword> Keywords);

/// <summary>A workspace's taxonomy in its one spelling; every change bumps <see cref="Version"/> (also the ETag).</summary>
public sealed record TaxonomyResponse(int Version, DateTimeOffset? UpdatedAt, IReadOnlyList<CanonicalTag> Tags,
    IReadOnlyDictionary<string, IReadOnlyList<string>> AlwaysInclude, IReadOnlyList<BannedTag> Banned)
{
    public static TaxonomyResponse From(VersionedTaxonomy stored) => new(stored.Version, stored.UpdatedAt, stored.Taxonomy.Tags,
        stored.Taxonomy.AlwaysIncludeSets, stored.Taxonomy.Banned);
}

/// <summary>One tag on one platform: how the creator writes it there, its category, uses, mean value, lift, controlled effect and q.</summary>
public sealed record TagPerformanceResponse(string Tag, string Platform, string WrittenAs, string? Category, int Uses, double MeanValue,
    Domain.Performance.Effect? Lift, Domain.Performance.Effect? Effect, double? Q, string? NotEnoughData);

/// <summary>Every tag's performance, ranked, one page of it: <c>total</c> tag-platform pairs, <c>tags</c> from <c>offset</c>.</summary>
public sealed record PerformanceResponse(string Metric, int Posts, int MinUses, double HalfLifeDays, string Method, int Total, int Offset,
    IReadOnlyList<TagPerformanceResponse> Tags);

/// <summary>How many signals were stored (a signal sent again replaces itself).</summary>
public sealed record SignalsStored(int Stored);

/// <summary>
/// What is trending: the creator's own tags (<see cref="Yours"/>) and what outside services say (<see cref="Outside"/>),
/// kept apart and named as such, with the windows compared.
/// </summary>
public sealed record TrendingResponse(string? Platform, DateTimeOffset AsOf, int WindowDays, string Method, IReadOnlyList<Domain.Trends.TagTrend> Yours,
    string OutsideNote, IReadOnlyList<LatestSignal> Outside);

/// <summary>Ranked tags for the content on the platform, within its limits, each with its kind, score and reason.</summary>
public sealed record RecommendationsResponse(string Platform, int MaxTags, int TextLimit, IReadOnlyList<Domain.Recommendations.Recommendation> Tags,
    IReadOnlyList<string> AlwaysIncludeOmitted, string Method);
