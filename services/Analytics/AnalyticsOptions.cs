using System.ComponentModel.DataAnnotations;

namespace CreatorMeta.Analytics;

/// <summary>Configuration section "Analysis": how much of the libraries analytics keeps in memory between changes.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>At most this many posts are kept over all workspaces (0 keeps none); a larger workspace is read per request.</summary>
    [Range(0, 100_000_000)]
    public int CacheRows { get; set; } = 2_000_000;
}
