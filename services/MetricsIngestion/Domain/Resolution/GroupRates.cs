namespace CreatorMeta.MetricsIngestion.Domain.Resolution;

/// <summary>
/// A rate over a group of posts, both ways, because they answer different questions: the ratio of sums weighs each post
/// by its audience (what the account earned overall), the mean of ratios weighs each post the same (how a typical post
/// does). Only posts that have the rate count.
/// </summary>
public sealed record GroupRate(string Name, string Formula, double? RatioOfSums, double? MeanOfRatios, int Posts);

public static class GroupRates
{
    public static GroupRate Compute(string name, IEnumerable<IReadOnlyList<DerivedValue>> posts)
    {
        var rates = posts.Select(p => p.First(d => d.Name == name)).Where(d => d.Value is not null).ToList();
        var formula = DerivedMetrics.Formula(name);
        return rates.Count == 0
            ? new GroupRate(name, formula, null, null, 0)
            : new GroupRate(name, formula, rates.Sum(r => r.Numerator!.Value) / rates.Sum(r => r.Denominator!.Value),
                rates.Average(r => r.Value!.Value), rates.Count);
    }
}
