namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>How several raw fields that map to one canonical metric in one reading come together.</summary>
public enum MappingCombine
{
    /// <summary>The fields are parts of the total (X retweets and quotes are both shares): they are added.</summary>
    Sum,

    /// <summary>The fields are other names for the same total (X impressions in public or non-public metrics): the largest is taken.</summary>
    Max,
}

/// <summary>
/// One platform field's meaning for a span of time: <c>[EffectiveFrom, EffectiveTo)</c>. Built-in rows (no workspace) are
/// shared reference data; a workspace's own row for the same field wins over the built-in one while both are in force, so
/// one creator's fix never changes another's numbers.
/// </summary>
public sealed record MetricMapping(
    long Id,
    string? WorkspaceId,
    string Platform,
    string Api,
    string RawName,
    string Canonical,
    MetricScope Scope,
    double Multiplier,
    MappingCombine Combine,
    DateTimeOffset EffectiveFrom,
    DateTimeOffset? EffectiveTo,
    string? Note)
{
    public bool InForceAt(DateTimeOffset time) => EffectiveFrom <= time && (EffectiveTo is null || time < EffectiveTo);

    public bool Overlaps(DateTimeOffset from, DateTimeOffset? to) =>
        (to is null || EffectiveFrom < to) && (EffectiveTo is null || from < EffectiveTo);
}
