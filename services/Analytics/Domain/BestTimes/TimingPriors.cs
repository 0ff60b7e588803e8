namespace CreatorMeta.Analytics.Domain.BestTimes;

/// <summary>
/// What the 2025 research summarized in seed 002 says of each platform's good hours, as a score to expect at each hour
/// of the week before the creator's own history says otherwise: 0.5 — an ordinary post — outside the recommended
/// windows, 0.6 inside them, 0.65 at the peaks the research singles out. The seed gives windows in words, not numbers,
/// so the levels are ours (docs/decisions/0011-best-times.md); Pinterest has no guidance there and stays flat.
/// </summary>
public static class TimingPriors
{
    public const double Ordinary = 0.5;
    public const double Recommended = 0.6;
    public const double Peak = 0.65;

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private static readonly DayOfWeek[] Midweek = [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    /// <summary>Per platform: the recommended windows (days, first hour, the hour they end at) and the peak hours.</summary>
    private static readonly Dictionary<string, (IReadOnlyList<(DayOfWeek[] Days, int From, int To)> Windows, IReadOnlyList<(DayOfWeek Day, int Hour)> Peaks)> Guidance = new()
    {
        // "Weekdays 3-5pm, Wednesday 4pm standout"
        ["youtube"] = ([(Weekdays, 15, 17)], [(DayOfWeek.Wednesday, 16)]),
        // "Wednesday best, midweek afternoons/evenings, Sunday 8pm peak"
        ["tiktok"] = ([(Midweek, 12, 22)], [(DayOfWeek.Sunday, 20), .. Enumerable.Range(12, 10).Select(h => (DayOfWeek.Wednesday, h))]),
        // "Weekdays 10am-3pm feed posts, Reels mid-morning to early afternoon"
        ["instagram"] = ([(Weekdays, 10, 15)], []),
        // "Tuesday-Thursday 8am-12pm"
        ["x"] = ([(Midweek, 8, 12)], []),
        // "Midweek 8am-2pm"
        ["linkedin"] = ([(Midweek, 8, 14)], []),
        // "Weekdays 8am-6pm"
        ["facebook"] = ([(Weekdays, 8, 18)], []),
    };

    /// <summary>Whether the research has guidance for the platform.</summary>
    public static bool HasGuidance(string platform) => Guidance.ContainsKey(platform);

    public static double At(string platform, DayOfWeek day, int hour)
    {
        if (!Guidance.TryGetValue(platform, out var guidance))
            return Ordinary;
        if (guidance.Peaks.Contains((day, hour)))
            return Peak;
        return guidance.Windows.Any(w => w.Days.Contains(day) && hour >= w.From && hour < w.To) ? Recommended : Ordinary;
    }
}
