using CreatorMeta.ServiceDefaults.Statistics;
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
/// One pass over the table gives every value's sums, and the rest's are the totals less the value's, so the cost grows
/// with the posts, not with posts times values. Sums are taken about the overall mean, so subtracting them loses no
/// precision worth having. Deterministic: the same rows give the same answer in the same order.
/// </summary>
public static class TrendAnalysis
{
    public static IReadOnlyList<AttributeEffect> Analyse(AnalysisTable table, int minPosts)
    {
        var codes = table.AttributeValues.Count;
        var shift = Enumerable.Range(0, table.Count).Sum(table.Value) / Math.Max(1, table.Count);
        var (count, sum, squares) = (new int[codes], new double[codes], new double[codes]);
        var (total, totalSquares) = (0.0, 0.0);
        for (var row = 0; row < table.Count; row++)
        {
            var d = table.Value(row) - shift;
            total += d;
            totalSquares += d * d;
            foreach (var code in table.ValuesOf(row))
            {
                count[code]++;
                sum[code] += d;
                squares[code] += d * d;
            }
        }
        var (assetsWith, assetsWithout) = AssetCounts(table);
        var compared = Enumerable.Range(0, codes)
            .OrderBy(c => Array.IndexOf(AttributeValues.Attributes, table.AttributeValues[c].Attribute))
            .ThenBy(c => table.AttributeValues[c].Value, StringComparer.Ordinal)
            .Select(c =>
            {
                var group = Moments(count[c], sum[c], squares[c], shift);
                var rest = Moments(table.Count - count[c], total - sum[c], totalSquares - squares[c], shift);
                var comparison = assetsWith[c] >= minPosts && assetsWithout[c] >= minPosts ? Welch.Compare(group, rest) : null;
                var why = assetsWith[c] < minPosts ? $"Not enough data: {count[c]} posts of {assetsWith[c]} assets, {minPosts} assets needed."
                    : assetsWithout[c] < minPosts ? $"Not enough data: only {assetsWithout[c]} assets without it, {minPosts} needed to compare."
                    : comparison is null ? "Not enough data: neither side varies on this metric, so there is no test." : null;
                return (Code: c, group.Mean, comparison, why);
            }).ToList();
        var tested = compared.Where(c => c.comparison is not null).ToList();
        var q = FalseDiscovery.QValues([.. tested.Select(c => c.comparison!.P)]);
        var qOf = tested.Select((c, i) => (c.Code, Q: q[i])).ToDictionary(c => c.Code, c => c.Q);
        return [.. compared.Select(c => new AttributeEffect(table.AttributeValues[c.Code].Attribute, table.AttributeValues[c.Code].Value, count[c.Code],
            c.Mean, c.comparison?.Lift, c.comparison?.Low, c.comparison?.High, c.comparison?.P, qOf.TryGetValue(c.Code, out var value) ? value : null, c.why))];
    }

    /// <summary>
    /// The moments of a group from its sums about <paramref name="shift"/>; a variance that is rounding alone (every value
    /// the same) is zero, so "neither side varies" is recognized.
    /// </summary>
    private static Moments Moments(int n, double sum, double squares, double shift)
    {
        if (n == 0)
            return default;
        var spread = squares - sum * sum / n;
        var variance = n > 1 && spread > 1e-12 * squares ? spread / (n - 1) : 0;
        return new Moments(n, shift + sum / n, variance);
    }

    /// <summary>Per value: on how many assets some post has it, and on how many some post lacks it.</summary>
    private static (int[] With, int[] Without) AssetCounts(AnalysisTable table)
    {
        var codes = table.AttributeValues.Count;
        var (with, onEveryPost, rowsWith, lastAsset) = (new int[codes], new int[codes], new int[codes], new int[codes]);
        Array.Fill(lastAsset, -1);
        var (rows, start) = table.RowsByAsset();
        for (var asset = 0; asset < table.AssetCount; asset++)
            for (var k = start[asset]; k < start[asset + 1]; k++)
                foreach (var code in table.ValuesOf(rows[k]))
                {
                    if (lastAsset[code] != asset)
                        (lastAsset[code], rowsWith[code], with[code]) = (asset, 0, with[code] + 1);
                    if (++rowsWith[code] == start[asset + 1] - start[asset])
                        onEveryPost[code]++;
                }
        return (with, [.. onEveryPost.Select(all => table.AssetCount - all)]);
    }
}
