namespace CreatorMeta.Analytics.Domain;

/// <summary>A platform's comparable numbers: scored posts, median score and engagement rate, and the rate definitions used.</summary>
public sealed record PlatformNumbers(int ScoredPosts, double? MedianScore, double? MedianEngagementRate,
    IReadOnlyList<(string Definition, int Posts)> Definitions)
{
    /// <summary>
    /// Per platform, over the live posts with numbers: how many are scored, the median score and engagement rate (the
    /// middle value, or the mean of the two middle ones), and the rate definitions by how many posts use each (most first,
    /// then by name; "unnamed" for a rate that came without one).
    /// </summary>
    public static Dictionary<string, PlatformNumbers> Of(IEnumerable<AnalysisRow> rows) =>
        rows.GroupBy(r => r.Platform).ToDictionary(g => g.Key, g =>
        {
            var scores = g.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
            var rated = g.Where(r => r.EngagementRate is not null).ToList();
            return new PlatformNumbers(scores.Count, Median(scores), Median([.. rated.Select(r => r.EngagementRate!.Value)]),
                [.. rated.GroupBy(r => r.EngagementRateDefinition ?? "unnamed").Select(d => (d.Key, d.Count()))
                    .OrderByDescending(d => d.Item2).ThenBy(d => d.Key, StringComparer.Ordinal)]);
        }, StringComparer.Ordinal);

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
            return null;
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
