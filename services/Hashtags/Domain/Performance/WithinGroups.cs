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
    /// <summary>
    /// What a tag's estimate reads of a post, together so that one post costs one read from memory: its group, its asset,
    /// whether the asset has no other post here, A = w(y − ȳ_s) and B = w.
    /// </summary>
    private readonly record struct Post(int Group, int Cluster, bool Alone, double A, double B);

    private readonly Post[] posts;
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
        (N, Groups, Clusters) = (group.Length, groups, clusters);
        groupWeight = new double[groups];
        groupMean = new double[groups];
        (shareT, shareTA, share, inShare) = (new double[groups], new double[groups], new double[groups], new bool[groups]);
        (aloneAA, aloneAB, aloneBB) = (new double[groups], new double[groups], new double[groups]);
        (clusterPart, inCluster) = (new double[clusters], new bool[clusters]);
        for (var i = 0; i < N; i++)
        {
            groupWeight[group[i]] += weight[i];
            groupMean[group[i]] += weight[i] * value[i];
        }
        for (var s = 0; s < groups; s++)
            groupMean[s] = groupWeight[s] > 0 ? groupMean[s] / groupWeight[s] : 0;
        var (a, b) = (new double[N], weight);
        for (var i = 0; i < N; i++)
            a[i] = weight[i] * (value[i] - groupMean[group[i]]);
        var postsOfCluster = new int[clusters];
        foreach (var g in cluster)
            postsOfCluster[g]++;
        posts = new Post[N];
        for (var i = 0; i < N; i++)
            posts[i] = new Post(group[i], cluster[i], postsOfCluster[cluster[i]] == 1, a[i], b[i]);

        // Each asset's posts summed per group: its entries (group, ΣA, ΣB), asset by asset (a counting sort).
        var (entryCount, groupOf, sumA, sumB) = (0, new int[N], new double[N], new double[N]);
        clusterStart = new int[clusters + 1];
        var (current, begin) = (-1, 0);
        foreach (var i in Order(cluster, clusters))
        {
            if (cluster[i] != current)
                (current, begin) = (cluster[i], entryCount);
            var at = begin;
            while (at < entryCount && groupOf[at] != group[i])
                at++;
            if (at == entryCount)
            {
                (groupOf[at], sumA[at], sumB[at]) = (group[i], 0, 0);
                entryCount++;
                clusterStart[current + 1]++;
            }
            (sumA[at], sumB[at]) = (sumA[at] + a[i], sumB[at] + b[i]);
        }
        for (var g = 0; g < clusters; g++)
            clusterStart[g + 1] += clusterStart[g];
        (entryGroup, entryA, entryB) = (groupOf[..entryCount], sumA[..entryCount], sumB[..entryCount]);

        // Σ_g over assets of products of their group sums, for every ordered pair of groups some asset spans: a group with
        // itself (every asset's own entries) in dense sums, pairs of different groups (assets posted in two) in a dictionary.
        var (selfAA, selfAB, selfBB, spanned) = (new double[groups], new double[groups], new double[groups], new bool[groups]);
        var across = new Dictionary<long, (double AA, double AB, double BB)>();
        for (var g = 0; g < clusters; g++)
            for (var e1 = clusterStart[g]; e1 < clusterStart[g + 1]; e1++)
                for (var e2 = clusterStart[g]; e2 < clusterStart[g + 1]; e2++)
                {
                    var (s1, s2) = (entryGroup[e1], entryGroup[e2]);
                    var (aa, ab, bb) = (entryA[e1] * entryA[e2], entryA[e1] * entryB[e2], entryB[e1] * entryB[e2]);
                    if (s1 == s2) // entries of one asset are in different groups, so this is e1 = e2
                        (selfAA[s1], selfAB[s1], selfBB[s1], spanned[s1]) = (selfAA[s1] + aa, selfAB[s1] + ab, selfBB[s1] + bb, true);
                    else
                    {
                        var key = (long)s1 * groups + s2;
                        var sums = across.GetValueOrDefault(key);
                        across[key] = (sums.AA + aa, sums.AB + ab, sums.BB + bb);
                    }
                }
        var others = across.OrderBy(p => p.Key).ToList();
        pairStart = new int[groups + 1];
        for (var s = 0; s < groups; s++)
            pairStart[s + 1] = spanned[s] ? 1 : 0;
        foreach (var p in others)
            pairStart[p.Key / groups + 1]++;
        for (var s = 0; s < groups; s++)
            pairStart[s + 1] += pairStart[s];
        (pairGroup, pairAA, pairAB, pairBB) = (new int[pairStart[groups]], new double[pairStart[groups]], new double[pairStart[groups]], new double[pairStart[groups]]);
        var next = pairStart[..groups];
        void Pair(int s, int with, (double AA, double AB, double BB) sums)
        {
            var at = next[s]++;
            (pairGroup[at], pairAA[at], pairAB[at], pairBB[at]) = (with, sums.AA, sums.AB, sums.BB);
        }
        for (var s = 0; s < groups; s++)
            if (spanned[s])
                Pair(s, s, (selfAA[s], selfAB[s], selfBB[s]));
        foreach (var (key, sums) in others)
            Pair((int)(key / groups), (int)(key % groups), sums);
    }

    public int N { get; }
    public int Groups { get; }
    public int Clusters { get; }

    // The same for every tag: computed once (MathNet finds it by root-finding).
    private double? critical;

    // Scratch for one tag at a time, cleared after each (sized once, so a tag costs only its own posts): per group the
    // tagged weight T, tagged ΣA, share p = T/W (0 where untouched) and the sums ΣA², ΣAB, ΣB² of its tagged posts whose
    // asset has no other post; per asset the tagged part; and which of them the tag touched, in first-touched order.
    private readonly double[] shareT, shareTA, share, aloneAA, aloneAB, aloneBB, clusterPart;
    private readonly bool[] inShare, inCluster;
    private readonly List<int> touchedGroups = [], touchedClusters = [];

    /// <summary>
    /// The effect of the tag carried by <paramref name="tagged"/> (post indices); null when no group has posts with and
    /// without it. One tag at a time: an instance is not for concurrent use.
    /// </summary>
    public Effect? Estimate(ReadOnlySpan<int> tagged)
    {
        try
        {
            return EstimateOnce(tagged);
        }
        finally
        {
            foreach (var s in touchedGroups)
                (shareT[s], shareTA[s], share[s], aloneAA[s], aloneAB[s], aloneBB[s], inShare[s]) = (0, 0, 0, 0, 0, 0, false);
            foreach (var g in touchedClusters)
                (clusterPart[g], inCluster[g]) = (0, false);
            touchedGroups.Clear();
            touchedClusters.Clear();
        }
    }

    private Effect? EstimateOnce(ReadOnlySpan<int> tagged)
    {
        var shared = false;
        foreach (var i in tagged)
        {
            ref readonly var post = ref posts[i];
            var s = post.Group;
            if (!inShare[s])
            {
                inShare[s] = true;
                touchedGroups.Add(s);
            }
            shareT[s] += post.B;
            shareTA[s] += post.A;
            if (post.Alone)
            {
                aloneAA[s] += post.A * post.A;
                aloneAB[s] += post.A * post.B;
                aloneBB[s] += post.B * post.B;
            }
            else
                shared = true;
        }
        var (numerator, denominator, taggedWeight) = (0.0, 0.0, 0.0);
        foreach (var s in touchedGroups)
        {
            share[s] = shareT[s] / groupWeight[s];
            numerator += shareTA[s];
            denominator += shareT[s] * (1 - share[s]);
            taggedWeight += shareT[s];
        }
        var k = Groups + 1;
        if (denominator <= 1e-12 * taggedWeight || Clusters < 2 || N <= k)
            return null;
        var beta = numerator / denominator;

        // Every post's part: Σ_{s,s'} p_s p_s' AA + 2β p_s p_s'² AB + β² p_s² p_s'² BB over the groups the tag touches.
        var meat = 0.0;
        foreach (var s in touchedGroups)
        {
            var ps = share[s];
            for (var e = pairStart[s]; e < pairStart[s + 1]; e++)
                if (inShare[pairGroup[e]])
                {
                    var pt = share[pairGroup[e]];
                    meat += ps * pt * pairAA[e] + 2 * beta * ps * pt * pt * pairAB[e] + beta * beta * ps * ps * pt * pt * pairBB[e];
                }
        }
        // The tagged posts' own part, asset by asset: (b_g + t_g)² − b_g² = 2 b_g t_g + t_g², with t_g the tagged posts'
        // Σ A − β(1 − 2p)B and b_g the asset's Σ −(pA + βp²B). For an asset with one post that is, with c = 1 − 2p,
        // cA² − β(c + 2p² + c²)AB + β²c(c + 2p²)B², summed per group from the first pass.
        foreach (var s in touchedGroups)
        {
            var (p, c) = (share[s], 1 - 2 * share[s]);
            meat += c * aloneAA[s] - beta * (c + 2 * p * p + c * c) * aloneAB[s] + beta * beta * c * (c + 2 * p * p) * aloneBB[s];
        }
        if (shared)
            meat += SharedAssetsPart(tagged, beta);
        var correction = Clusters / (Clusters - 1.0) * (N - 1.0) / (N - k);
        var se = Math.Sqrt(Math.Max(0, meat) * correction) / denominator;
        var degrees = Clusters - 1.0;
        var criticalT = critical ??= StudentT.InvCDF(0, 1, degrees, 0.975);
        var pValue = se == 0 ? 1 : Math.Min(1, 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(beta / se)));
        return new Effect(beta, se, beta - criticalT * se, beta + criticalT * se, pValue);
    }

    /// <summary>The tagged posts' own part for assets with more than one post here, asset by asset.</summary>
    private double SharedAssetsPart(ReadOnlySpan<int> tagged, double beta)
    {
        foreach (var i in tagged)
        {
            ref readonly var post = ref posts[i];
            if (post.Alone)
                continue;
            if (!inCluster[post.Cluster])
            {
                inCluster[post.Cluster] = true;
                touchedClusters.Add(post.Cluster);
            }
            clusterPart[post.Cluster] += post.A - beta * (1 - 2 * share[post.Group]) * post.B;
        }
        var part = 0.0;
        foreach (var g in touchedClusters)
        {
            var t = clusterPart[g];
            var baseline = 0.0;
            for (var e = clusterStart[g]; e < clusterStart[g + 1]; e++)
            {
                var p = share[entryGroup[e]];
                baseline -= p * entryA[e] + beta * p * p * entryB[e];
            }
            part += 2 * baseline * t + t * t;
        }
        return part;
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
