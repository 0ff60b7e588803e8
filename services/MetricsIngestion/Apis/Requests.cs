using System.Text.Json;

namespace CreatorMeta.MetricsIngestion.Apis;

public sealed record ObservationItem(string? Platform, string? Account, string? ExternalPostId, DateTimeOffset? ObservedAt,
    string? Source, string? SourceEventId, Dictionary<string, JsonElement>? Metrics);

public sealed record ObservationBatch(IReadOnlyList<ObservationItem?>? Observations);

public sealed record MappingRequest(string? Platform, string? Api, string? RawName, string? Canonical, string? Scope, double? Multiplier,
    string? Combine, DateTimeOffset? EffectiveFrom, DateTimeOffset? EffectiveTo, string? Note);

public sealed record SettingsRequest(IReadOnlyList<string?>? SourcePrecedence, double? ConflictMargin, int? MinBaselinePosts);
