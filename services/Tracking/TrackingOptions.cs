using System.ComponentModel.DataAnnotations;

namespace CreatorMeta.Tracking;

/// <summary>Configuration section "Tracking": how strict the duplicate guard is, and how search reads the library.</summary>
public sealed class TrackingOptions
{
    /// <summary>Perceptual hashes this many bits apart or fewer are the same picture (dHash: 0–10 is a near-duplicate).</summary>
    [Range(0, 32)]
    public int NearDuplicateDistance { get; set; } = 6;

    /// <summary>Days after a post on a platform during which the same content may not go out there again, even if removed.</summary>
    public Dictionary<string, int> CooldownDays { get; set; } = new()
    {
        ["youtube"] = 30, ["instagram"] = 30, ["tiktok"] = 14, ["x"] = 7, ["linkedin"] = 30, ["facebook"] = 30, ["pinterest"] = 14,
    };

    /// <summary>How many of the newest assets a filtered newest-first search reads before it turns to the filters' indexes.</summary>
    [Range(1, 1_000_000)]
    public int SearchNewestWindow { get; set; } = 5_000;

    public TimeSpan CooldownFor(string platform) => TimeSpan.FromDays(CooldownDays.GetValueOrDefault(platform));
}
