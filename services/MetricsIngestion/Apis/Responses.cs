using System.Text.Json;
using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;

namespace CreatorMeta.MetricsIngestion.Apis;

public sealed record ItemResult(int Index, string Status, IDictionary<string, string[]>? Errors = null);

public sealed record BatchResult(int Stored, int Duplicates, int Rejected, IReadOnlyList<ItemResult> Results);

public sealed record MappingResponse(long Id, bool BuiltIn, string Platform, string Api, string RawName, string Canonical, string Scope,
    double Multiplier, string Combine, DateTimeOffset EffectiveFrom, DateTimeOffset? EffectiveTo, string? Note)
{
    public static MappingResponse From(MetricMapping m) => new(m.Id, m.WorkspaceId is null, m.Platform, m.Api, m.RawName, m.Canonical,
        m.Scope.Name(), m.Multiplier, m.Combine.ToString().ToLowerInvariant(), m.EffectiveFrom, m.EffectiveTo, m.Note);
}

public sealed record MappingPage(IReadOnlyList<MappingResponse> Items, string? NextCursor);

public sealed record SettingsResponse(IReadOnlyList<string> SourcePrecedence, double ConflictMargin, int MinBaselinePosts)
{
    public static SettingsResponse From(ResolutionSettings s) => new(s.SourcePrecedence, s.ConflictMargin, s.MinBaselinePosts);
}

public sealed record AgeDefinition(string Name, double Hours);

public sealed record Definitions(
    IReadOnlyList<CanonicalMetric> Metrics,
    IReadOnlyList<DerivedDefinition> Derived,
    IReadOnlyList<AgeDefinition> Ages,
    IReadOnlyList<DerivedDefinition> Score,
    IReadOnlyList<DerivedDefinition> GroupAggregations,
    IReadOnlyList<string> Sources);

/// <summary>Which post an answer is about, as tracking recorded it (publication fields are null while tracking has not).</summary>
public sealed record PostIdentity(Guid? PublicationId, Guid? AssetId, string Platform, string Account, string ExternalPostId,
    DateTimeOffset? PublishedAt, DateTimeOffset? RemovedAt, string? Format);

/// <summary>A stored observation as it came, and what each of its fields meant when it was observed.</summary>
public sealed record RawObservation(long Id, DateTimeOffset ObservedAt, string Source, string SourceEventId, JsonElement Metrics,
    IReadOnlyDictionary<string, double> Lifetime, IReadOnlyDictionary<string, double> Windowed, IReadOnlyList<string> Unmapped,
    IReadOnlyList<string> Absent, IReadOnlyDictionary<string, string> NotCounts);

/// <summary>
/// <see cref="Status"/> is "resolved", "pending" (readings stored, resolution under way) or "no-observations"; the metrics
/// are those of the last resolution.
/// </summary>
public sealed record PostMetricsResponse(PostIdentity Post, string Status, PostMetrics? Metrics, IReadOnlyList<RawObservation>? RawObservations);

public sealed record AssetPlatformPerformance(PostIdentity Post, string Status, IReadOnlyDictionary<string, double> Values,
    IReadOnlyList<DerivedValue> Derived, IReadOnlyList<AgeAlignedValues> Ages, Score? Score);

/// <summary>One asset on every platform side by side, and its rates over all of them both ways (named).</summary>
public sealed record AssetPerformance(Guid AssetId, IReadOnlyList<AssetPlatformPerformance> Publications, IReadOnlyList<GroupRate> Rates);
