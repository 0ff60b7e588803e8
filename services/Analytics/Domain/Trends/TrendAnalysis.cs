namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>
/// One attribute value against every other post: how many posts have it, their mean, and — when there are enough of
/// them — the lift over the rest with its 95 % interval, p-value and q-value; otherwise why not.
/// </summary>
public sealed record AttributeEffect(string Attribute, string Value, int N, double Mean, double? Lift, double? Low, double? High, double? P,
    double? Q, string? NotTested);

/// <summary>
/// Which attribute values go with a higher metric, one value at a time: each value's posts against all the others, by
/// Welch's test, with every tested value's p-value corrected for how many were tested (Benjamini–Hochberg). A value
/// found on fewer than the minimum number of assets, or missing from fewer than that, is listed as not tested, never
/// ranked: one asset posted on ten accounts is one piece of evidence, not ten.
/// Deterministic: the same rows give the same answer in the same order.
/// </summary>
public static class TrendAnalysis
{
    public static IReadOnlyList<AttributeEffect> Analyse(IReadOnlyList<(AnalysisRow Row, double Value)> posts, int minPosts)
    {
        var holders = new Dictionary<(string Attribute, string Value), List<int>>();
        for (var i = 0; i < posts.Count; i++)
            foreach (var key in AttributeValues.Of(posts[i].Row).Distinct())
            {
                if (!holders.TryGetValue(key, out var list))
                    holders[key] = list = [];
                list.Add(i);
            }
        var compared = holders.OrderBy(h => Array.IndexOf(AttributeValues.Attributes, h.Key.Attribute)).ThenBy(h => h.Key.Value, StringComparer.Ordinal)
            .Select(h =>
            {
                var group = h.Value.Select(i => posts[i].Value).ToList();
                var members = h.Value.ToHashSet();
                var rest = Enumerable.Range(0, posts.Count).Where(i => !members.Contains(i)).Select(i => posts[i].Value).ToList();
                var assets = h.Value.Select(i => posts[i].Row.AssetId).Distinct().Count();
                var otherAssets = Enumerable.Range(0, posts.Count).Where(i => !members.Contains(i)).Select(i => posts[i].Row.AssetId).Distinct().Count();
                var comparison = assets >= minPosts && otherAssets >= minPosts ? Welch.Compare(group, rest) : null;
                var why = assets < minPosts ? $"Not enough data: {group.Count} posts of {assets} assets, {minPosts} assets needed."
                    : otherAssets < minPosts ? $"Not enough data: only {otherAssets} assets without it, {minPosts} needed to compare."
                    : comparison is null ? "Not enough data: neither side varies on this metric, so there is no test." : null;
                return (h.Key, Mean: group.Average(), comparison, why);
            }).ToList();
        var tested = compared.Where(c => c.comparison is not null).ToList();
        var q = FalseDiscovery.QValues([.. tested.Select(c => c.comparison!.P)]);
        var qOf = tested.Select((c, i) => (c.Key, Q: q[i])).ToDictionary(c => c.Key, c => c.Q);
        return [.. compared.Select(c => new AttributeEffect(c.Key.Attribute, c.Key.Value, holders[c.Key].Count, c.Mean, c.comparison?.Lift, c.comparison?.Low, c.comparison?.High, c.comparison?.P, qOf.TryGetValue(c.Key, out var value) ? value : null, c.why))];
    }
}
