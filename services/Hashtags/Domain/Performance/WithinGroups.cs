using MathNet.Numerics.Distributions;

namespace CreatorMeta.Hashtags.Domain.Performance;

/// <summary>A tag's effect: the estimate, its cluster-robust standard error, 95 % interval and two-sided p-value.</summary>
public sealed record Effect(double Estimate, double StandardError, double Low, double High, double P);

/// <summary>
/// The effect of carrying a tag compared within groups of like posts — weighted least squares of the value on the tag's
/// indicator and a fixed effect per group, standard errors clustered by asset (one asset posted twice is one piece of
/// evidence) with the small-sample factor G/(G−1)·(N−1)/(N−K), K = groups + 1, and t with G−1 degrees of freedom, as
/// statsmodels computes them. Groups are a post's account (the lift against the same account's other posts) or its
/// account, format and time of day (the effect with those held equal).
/// <para>
/// Built once per set of posts, so each tag costs what its own posts and the groups they touch cost, not the whole
/// library: with the group means taken out (Frisch–Waugh–Lovell), β = Σ_tagged w(y − ȳ_s) / Σ_s T_s(1 − T_s/W_s), where
/// T_s and W_s are the tagged and all weight of group s. The clustered "meat" Σ_g (Σ_{i∈g} w_i x̃_i e_i)² splits into a
/// part every post has — a function of each group's tagged share p_s, from sums over pairs of groups that share an asset,
/// kept once — and a correction from the tagged posts alone.
/// </para>
/// </summary>
public sealed class WithinGroups
{
    private readonly double[] a, b;
    private readonly int[] group, cluster;
    private readonly double[] groupWeight, groupMean;
    private readonly int[] clusterStart, entryGroup;
    private readonly double[] entryA, entryB;
    private readonly int[] pairStart, pairGroup;
    private readonly double[] pairAA, pairAB, pairBB;

    /// <param name="group">Each post's group (0 … groups − 1).</param>
    /// <param name="cluster">Each post's asset (0 … clusters − 1).</param>
    /// <param name="value">Each post's value.</param>
    /// <param name="weight">Each post's weight (its recency).</param>
    public WithinGroups(int[] group, int groups, int[] cluster, int clusters, double[] value, double[] weight)
    {
        (this.group, this.cluster, N, Groups, Clusters) = (group, cluster, group.Length, groups, clusters);
        groupWeight = new double[groups];
        groupMean = new double[groups];
        for (var i = 0; i < N; i++)
        {
            groupWeight[group[i]] += weight[i];
            groupMean[group[i]] += weight[i] * value[i];
        }
        for (var s = 0; s < groups; s++)
            groupMean[s] = groupWeight[s] > 0 ? groupMean[s] / groupWeight[s] : 0;
        (a, b) = (new double[N], weight);
        for (var i = 0; i < N; i++)
            a[i] = weight[i] * (value[i] - groupMean[group[i]]);

        // Each asset's posts summed per group: its entries (group, ΣA, ΣB), in a counting sort by asset.
        var byCluster = Order(cluster, clusters);
        var entries = new List<(int Cluster, int Group, double A, double B)>();
        var (current, begin) = (-1, 0);
        foreach (var i in byCluster)
        {
            if (cluster[i] != current)
                (current, begin) = (cluster[i], entries.Count);
            var at = begin;
            while (at < entries.Count && entries[at].Group != group[i])
                at++;
            if (at < entries.Count)
                entries[at] = entries[at] with { A = entries[at].A + a[i], B = entries[at].B + b[i] };
            else
                entries.Add((cluster[i], group[i], a[i], b[i]));
        }
        clusterStart = new int[clusters + 1];
        foreach (var e in entries)
            clusterStart[e.Cluster + 1]++;
        for (var g = 0; g < clusters; g++)
            clusterStart[g + 1] += clusterStart[g];
        (entryGroup, entryA, entryB) = ([.. entries.Select(e => e.Group)], [.. entries.Select(e => e.A)], [.. entries.Select(e => e.B)]);

        // Σ_g over assets of products of their group sums, for every ordered pair of groups some asset spans.
        var pairs = new Dictionary<long, (double AA, double AB, double BB)>();
        for (var g = 0; g < clusters; g++)
            for (var e1 = clusterStart[g]; e1 < clusterStart[g + 1]; e1++)
                for (var e2 = clusterStart[g]; e2 < clusterStart[g + 1]; e2++)
                {
                    var key = (long)entryGroup[e1] * groups + entryGroup[e2];
                    var sums = pairs.GetValueOrDefault(key);
                    pairs[key] = (sums.AA + entryA[e1] * entryA[e2], sums.AB + entryA[e1] * entryB[e2], sums.BB + entryB[e1] * entryB[e2]);
                }
        var ordered = pairs.OrderBy(p => p.Key).ToList();
        pairStart = new int[groups + 1];
        foreach (var p in ordered)
            pairStart[p.Key / groups + 1]++;
        for (var s = 0; s < groups; s++)
            pairStart[s + 1] += pairStart[s];
        pairGroup = [.. ordered.Select(p => (int)(p.Key % groups))];
        (pairAA, pairAB, pairBB) = ([.. ordered.Select(p => p.Value.AA)], [.. ordered.Select(p => p.Value.AB)], [.. ordered.Select(p => p.Value.BB)]);
    }

    public int N { get; }
    public int Groups { get; }
    public int Clusters { get; }

    // The same for every tag: computed once (MathNet finds it by root-finding).
    private double? critical;

    /// <summary>The effect of the tag carried by <paramref name="tagged"/> (post indices); null when no group has posts with and without it.</summary>
    public Effect? Estimate(ReadOnlySpan<int> tagged)
    {
        var share = new Dictionary<int, (double T, double TA)>();
        foreach (var i in tagged)
        {
            var sums = share.GetValueOrDefault(group[i]);
            share[group[i]] = (sums.T + b[i], sums.TA + a[i]);
        }
        var (numerator, denominator) = (0.0, 0.0);
        foreach (var (s, (t, ta)) in share)
        {
            numerator += ta;
            denominator += t * (1 - t / groupWeight[s]);
        }
        var k = Groups + 1;
        if (denominator <= 1e-12 * share.Values.Sum(v => v.T) || Clusters < 2 || N <= k)
            return null;
        var beta = numerator / denominator;
        double P(int s) => share.TryGetValue(s, out var v) ? v.T / groupWeight[s] : 0;

        // Every post's part: Σ_{s,s'} p_s p_s' AA + 2β p_s p_s'² AB + β² p_s² p_s'² BB over the groups the tag touches.
        var meat = 0.0;
        foreach (var s in share.Keys)
        {
            var ps = P(s);
            for (var e = pairStart[s]; e < pairStart[s + 1]; e++)
                if (share.ContainsKey(pairGroup[e]))
                {
                    var pt = P(pairGroup[e]);
                    meat += ps * pt * pairAA[e] + 2 * beta * ps * pt * pt * pairAB[e] + beta * beta * ps * ps * pt * pt * pairBB[e];
                }
        }
        // The tagged posts' own part, asset by asset: (b_g + t_g)² − b_g² = 2 b_g t_g + t_g².
        var taggedPart = new Dictionary<int, double>();
        foreach (var i in tagged)
            taggedPart[cluster[i]] = taggedPart.GetValueOrDefault(cluster[i]) + a[i] - beta * (1 - 2 * P(group[i])) * b[i];
        foreach (var (g, t) in taggedPart)
        {
            var baseline = 0.0;
            for (var e = clusterStart[g]; e < clusterStart[g + 1]; e++)
            {
                var p = P(entryGroup[e]);
                baseline -= p * entryA[e] + beta * p * p * entryB[e];
            }
            meat += 2 * baseline * t + t * t;
        }
        var correction = Clusters / (Clusters - 1.0) * (N - 1.0) / (N - k);
        var se = Math.Sqrt(Math.Max(0, meat) * correction) / denominator;
        var degrees = Clusters - 1.0;
        var criticalT = critical ??= StudentT.InvCDF(0, 1, degrees, 0.975);
        var pValue = se == 0 ? 1 : Math.Min(1, 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(beta / se)));
        return new Effect(beta, se, beta - criticalT * se, beta + criticalT * se, pValue);
    }

    /// <summary>Post indices in order of their key (a counting sort), ties in index order.</summary>
    private static int[] Order(int[] key, int keys)
    {
        var start = new int[keys + 1];
        foreach (var k in key)
            start[k + 1]++;
        for (var k = 0; k < keys; k++)
            start[k + 1] += start[k];
        var order = new int[key.Length];
        for (var i = 0; i < key.Length; i++)
            order[start[key[i]]++] = i;
        return order;
    }
}
