using System.ComponentModel.DataAnnotations;

namespace CreatorMeta.Hashtags;

/// <summary>Configuration section "Hashtags": how much of the libraries the service keeps in memory between changes.</summary>
public sealed class HashtagsOptions
{
    /// <summary>
    /// At most this many posts are kept over all workspaces (0 keeps none); a larger workspace is read per request. About
    /// 0.8 GB a million posts with their tags and one metric laid out (README, "Hashtags benchmark").
    /// </summary>
    [Range(0, 100_000_000)]
    public int CacheRows { get; set; } = 2_000_000;
}
