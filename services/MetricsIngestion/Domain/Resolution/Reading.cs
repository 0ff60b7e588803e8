using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>One stored observation of a post, in canonical terms, ready to be resolved with the others.</summary>
public sealed record Reading(long ObservationId, DateTimeOffset ObservedAt, string Source, NormalizedReading Values);
