namespace CreatorMeta.Analytics.Domain.BestTimes;

/// <summary>
/// One hour of the week: the creator's posts there (how many, their mean), what the research expects, and the estimate
/// between the two with its 95 % interval; <see cref="Weight"/> is the share of the estimate the creator's own posts carry.
/// </summary>
public sealed record BestTimeSlot(DayOfWeek Weekday, int Hour, int Posts, double? Mean, double Prior, double Estimate, double Low, double High, double Weight);

public sealed record BestTimeEstimate(IReadOnlyList<BestTimeSlot> Slots, double WithinVariance, double BetweenVariance, string Basis)
{
    /// <summary>Best first; ties in week order, so the same history always ranks the same way.</summary>
    public IEnumerable<BestTimeSlot> Ranked() => Slots.OrderByDescending(s => s.Estimate).ThenBy(s => s.Weekday).ThenBy(s => s.Hour);
}

/// <summary>
/// Hour-of-week performance by empirical Bayes: each slot's true mean is taken to scatter around the research's prior
/// for it — shifted by how far the creator's hours sit from the research's on average, since scores are percentiles
/// against the creator's own posts and the priors only say which hours are better — with a variance τ² estimated from
/// how much the creator's slot means scatter beyond their sampling noise (σ²/n). A slot's estimate is the
/// precision-weighted mix of its own mean and that target, so two posts at 3 am barely move the estimate, while forty
/// speak for themselves. Without enough history (or when every hour's posts scored alike), σ² is 1/12 (the variance of
/// a percentile score); without enough hours to estimate it, τ² is 0.01 (slots differing by about ±0.1).
/// </summary>
public static class BestTimeSlots
{
    public const double PercentileVariance = 1.0 / 12;
    public const double DefaultBetweenVariance = 0.01;
    private const double MinimumBetweenVariance = 0.0004;

    public static BestTimeEstimate Estimate(string platform, IReadOnlyList<(DayOfWeek Weekday, int Hour, double Value)> posts)
    {
        var bySlot = posts.GroupBy(p => (p.Weekday, p.Hour)).ToDictionary(g => g.Key, g => g.Select(p => p.Value).ToList());
        var repeated = bySlot.Values.Where(v => v.Count >= 2).ToList();
        var pooled = repeated.Count >= 2
            ? repeated.Sum(v =>
            {
                var mean = v.Average();
                return v.Sum(x => (x - mean) * (x - mean));
            }) / repeated.Sum(v => v.Count - 1)
            : 0;
        var within = pooled > 0 ? pooled : PercentileVariance;
        // Method of moments on the departures from each slot's prior: their spread, less what sampling alone explains.
        var departures = bySlot.Select(s => s.Value.Average() - TimingPriors.At(platform, s.Key.Weekday, s.Key.Hour)).ToList();
        var center = departures.Count > 0 ? departures.Average() : 0;
        var between = bySlot.Count >= 3
            ? Math.Max(MinimumBetweenVariance, departures.Sum(d => (d - center) * (d - center)) / (departures.Count - 1) - bySlot.Values.Average(v => within / v.Count))
            : DefaultBetweenVariance;

        var slots = new List<BestTimeSlot>(168);
        foreach (var day in Enum.GetValues<DayOfWeek>())
            for (var hour = 0; hour < 24; hour++)
            {
                var prior = TimingPriors.At(platform, day, hour) + center;
                var values = bySlot.GetValueOrDefault((day, hour)) ?? [];
                var precision = 1 / between + values.Count / within;
                var weight = values.Count / within / precision;
                var mean = values.Count > 0 ? values.Average() : (double?)null;
                var estimate = weight * (mean ?? 0) + (1 - weight) * prior;
                var margin = 1.959963984540054 * Math.Sqrt(1 / precision);
                slots.Add(new BestTimeSlot(day, hour, values.Count, mean, prior, estimate, estimate - margin, estimate + margin, weight));
            }
        var basis = (TimingPriors.HasGuidance(platform) ? "Priors from the 2025 research summarized in seed 002" : $"No research guidance for {platform}: a flat prior of 0.5")
            + $"; {posts.Count} of your posts in {bySlot.Count} hours of the week" + (bySlot.Count >= 3 ? "; τ² estimated from them." : "; τ² at its default.");
        return new BestTimeEstimate(slots, within, between, basis);
    }
}
