using MathNet.Numerics.LinearAlgebra;

namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>
/// The middle of the cluster-robust sandwich, Σ_g s_g s_gᵀ with s_g = Σ_{i∈g} (x_i − m_a(i)) e_i the summed score of
/// asset g's posts, taken about their accounts' means. Written out, with u_g = Σ x_i e_i and w_ga the residuals of g's
/// posts on account a: Σ u_g u_gᵀ − Σ_a (U_a m_aᵀ + m_a U_aᵀ) + Σ_ab C_ab m_a m_bᵀ, where U_a = Σ_g w_ga u_g and
/// C_ab = Σ_g w_ga w_gb. Each part is sparse per asset, so no asset ever needs a dense terms × terms product.
/// </summary>
public static class ClusterMeat
{
    public static Matrix<double> Of(AnalysisTable table, int[] termOf, IReadOnlyList<int> kept, Vector<double> beta, WithinAccountSums sums,
        CancellationToken cancellationToken)
    {
        var k = kept.Count;
        var accounts = table.Accounts.Count;
        var position = Enumerable.Repeat(-1, sums.Count.Length).ToArray();
        for (var p = 0; p < k; p++)
            position[kept[p]] = p;
        var means = Enumerable.Range(0, accounts).Select(a => Enumerable.Range(0, k).Select(p => sums.AccountTermMeans[a][kept[p]]).ToArray()).ToArray();
        var effect = Enumerable.Range(0, accounts).Select(a => sums.AccountMean[a] - Enumerable.Range(0, k).Sum(p => means[a][p] * beta[p])).ToArray();

        var meat = new double[k, k];
        var byAccount = new double[accounts][];
        var pairs = new Dictionary<(int A, int B), double>();
        var score = new double[k];
        var touchedBy = Enumerable.Repeat(-1, k).ToArray();
        var touched = new List<int>();
        var residualsByAccount = new List<(int Account, double Sum)>();
        var terms = new List<int>();
        var (rows, start) = table.RowsByAsset();
        for (var asset = 0; asset < table.AssetCount; asset++)
        {
            if (asset % 65_536 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            touched.Clear();
            residualsByAccount.Clear();
            for (var r = start[asset]; r < start[asset + 1]; r++)
            {
                var row = rows[r];
                var account = table.Account(row);
                WithinAccountSums.Terms(table, termOf, row, terms);
                var residual = table.Value(row) - effect[account];
                foreach (var t in terms)
                    if (position[t] >= 0)
                        residual -= beta[position[t]];
                foreach (var t in terms)
                    if (position[t] is var p and >= 0)
                    {
                        if (touchedBy[p] != asset)
                        {
                            (touchedBy[p], score[p]) = (asset, 0);
                            touched.Add(p);
                        }
                        score[p] += residual;
                    }
                var at = residualsByAccount.Count - 1;
                while (at >= 0 && residualsByAccount[at].Account != account)
                    at--;
                if (at < 0)
                    residualsByAccount.Add((account, residual));
                else
                    residualsByAccount[at] = (account, residualsByAccount[at].Sum + residual);
            }
            foreach (var p in touched)
                foreach (var q in touched)
                    if (q >= p)
                        meat[p, q] += score[p] * score[q];
            foreach (var (account, w) in residualsByAccount)
            {
                var sum = byAccount[account] ??= new double[k];
                foreach (var p in touched)
                    sum[p] += w * score[p];
            }
            for (var i = 0; i < residualsByAccount.Count; i++)
                for (var j = i; j < residualsByAccount.Count; j++)
                {
                    var (a, b) = (residualsByAccount[i].Account, residualsByAccount[j].Account);
                    var key = a <= b ? (a, b) : (b, a);
                    pairs[key] = pairs.GetValueOrDefault(key) + residualsByAccount[i].Sum * residualsByAccount[j].Sum;
                }
        }
        for (var p = 0; p < k; p++)
            for (var q = 0; q < p; q++)
                meat[p, q] = meat[q, p];
        // The account terms, over only the terms each account's posts have (an account of one post has a dozen, not k).
        var present = means.Select(m => Enumerable.Range(0, k).Where(p => m[p] != 0).ToArray()).ToArray();
        for (var a = 0; a < accounts; a++)
            if (byAccount[a] is { } sum)
                for (var p = 0; p < k; p++)
                    if (sum[p] != 0)
                        foreach (var q in present[a])
                        {
                            meat[p, q] -= sum[p] * means[a][q];
                            meat[q, p] -= sum[p] * means[a][q];
                        }
        foreach (var ((a, b), c) in pairs)
            foreach (var p in present[a])
                foreach (var q in present[b])
                {
                    meat[p, q] += c * means[a][p] * means[b][q];
                    if (a != b)
                        meat[q, p] += c * means[a][p] * means[b][q];
                }
        return Matrix<double>.Build.DenseOfArray(meat);
    }
}
