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
/// held by fewer than the minimum number of posts, or by nearly all of them, is listed as not tested, never ranked.
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
                var comparison = group.Count >= minPosts && rest.Count >= minPosts ? Welch.Compare(group, rest) : null;
                var why = group.Count < minPosts ? $"Not enough data: {group.Count} posts, {minPosts} needed."
                    : rest.Count < minPosts ? $"Not enough data: only {rest.Count} posts without it, {minPosts} needed to compare."
                    : comparison is null ? "Not enough data: no post differs from another on this metric." : null;
                return (h.Key, Mean: group.Average(), comparison, why);
            }).ToList();
        var tested = compared.Where(c => c.comparison is not null).ToList();
        var q = FalseDiscovery.QValues([.. tested.Select(c => c.comparison!.P)]);
        var qOf = tested.Select((c, i) => (c.Key, Q: q[i])).ToDictionary(c => c.Key, c => c.Q);
        return [.. compared.Select(c => new AttributeEffect(c.Key.Attribute, c.Key.Value, holders[c.Key].Count, c.Mean, c.comparison?.Lift, c.comparison?.Low, c.comparison?.High, c.comparison?.P, qOf.TryGetValue(c.Key, out var value) ? value : null, c.why))];
    }
}
