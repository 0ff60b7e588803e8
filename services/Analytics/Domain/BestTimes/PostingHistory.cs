namespace CreatorMeta.Analytics.Domain.BestTimes;

/// <summary>Each platform's scored posts by local weekday and hour, gathered as the posts pass, for <see cref="BestTimeSlots"/>.</summary>
public sealed class PostingHistory
{
    private readonly Dictionary<string, List<(DayOfWeek Weekday, int Hour, double Value)>> byPlatform = [];

    /// <summary>The platforms with scored posts, the most posted first (then by name).</summary>
    public IEnumerable<string> Platforms =>
        byPlatform.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key);

    public void Add(AnalysisRow row)
    {
        if (row.Score is not { } score)
            return;
        if (!byPlatform.TryGetValue(row.Platform, out var posts))
            byPlatform[row.Platform] = posts = [];
        posts.Add((row.Weekday, row.Hour, score));
    }

    public BestTimeEstimate Estimate(string platform) => BestTimeSlots.Estimate(platform, byPlatform.GetValueOrDefault(platform) ?? []);
}
