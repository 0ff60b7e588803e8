namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>Where a new mapping row fits among a workspace's rows for the same platform field.</summary>
public sealed record MappingPlacement(MetricMapping? Ends, MetricMapping? Overlaps);

/// <summary>
/// A field's rows follow one another in time and never overlap, so one reading has one meaning. A new row starting after
/// an open-ended one is its successor and ends it (that is how a rename is recorded); any other overlap is refused.
/// </summary>
public static class MappingSchedule
{
    public static MappingPlacement Place(IEnumerable<MetricMapping> fieldRows, DateTimeOffset from, DateTimeOffset? to)
    {
        MetricMapping? ends = null;
        foreach (var row in fieldRows.OrderBy(r => r.EffectiveFrom))
        {
            if (row.EffectiveTo is null && row.EffectiveFrom < from)
                ends = row;
            else if (row.Overlaps(from, to))
                return new MappingPlacement(null, row);
        }
        return new MappingPlacement(ends, null);
    }
}
