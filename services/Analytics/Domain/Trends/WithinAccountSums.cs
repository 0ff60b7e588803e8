namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>
/// What the within-account fit is built from, in one pass over the posts. With x a post's attribute indicators, y its
/// value, and c_a, ȳ_a, n_a its account's indicator sums, mean value and posts: Gram = Σ x̃x̃ᵀ = Σ xxᵀ − Σ_a c_a c_aᵀ / n_a and
/// Moment = Σ x̃ỹ = Σ xy − Σ_a c_a ȳ_a, where x̃ and ỹ are taken about their account's means. Each post has a dozen
/// indicators, so the pass costs posts × a dozen², not posts × terms.
/// </summary>
public sealed class WithinAccountSums
{
    private WithinAccountSums(int terms, int accounts)
    {
        Gram = new double[terms, terms];
        Moment = new double[terms];
        Count = new int[terms];
        AccountMean = new double[accounts];
        AccountTermMeans = new double[accounts][];
    }

    public double[,] Gram { get; }
    public double[] Moment { get; }

    /// <summary>How many posts have each term.</summary>
    public int[] Count { get; }

    /// <summary>ȳ_a: each account's mean value.</summary>
    public double[] AccountMean { get; }

    /// <summary>m_a = c_a / n_a: the share of each account's posts that have each term.</summary>
    public double[][] AccountTermMeans { get; }

    /// <summary>The terms post <paramref name="row"/> has: its attribute values that are terms (<paramref name="termOf"/> ≥ 0).</summary>
    public static void Terms(AnalysisTable table, int[] termOf, int row, List<int> terms)
    {
        terms.Clear();
        foreach (var code in table.ValuesOf(row))
            if (termOf[code] >= 0)
                terms.Add(termOf[code]);
    }

    public static WithinAccountSums Of(AnalysisTable table, int[] termOf, int termCount, CancellationToken cancellationToken)
    {
        var accounts = table.Accounts.Count;
        var sums = new WithinAccountSums(termCount, accounts);
        var posts = new int[accounts];
        var valueSums = new double[accounts];
        var termSums = Enumerable.Range(0, accounts).Select(_ => new double[termCount]).ToArray();
        var terms = new List<int>();
        var upper = new double[termCount * termCount];
        for (var row = 0; row < table.Count; row++)
        {
            if (row % 65_536 == 0)
                cancellationToken.ThrowIfCancellationRequested();
            var (account, y) = (table.Account(row), table.Value(row));
            posts[account]++;
            valueSums[account] += y;
            Terms(table, termOf, row, terms);
            foreach (var t in terms)
            {
                sums.Count[t]++;
                termSums[account][t]++;
                sums.Moment[t] += y;
                foreach (var u in terms)
                    if (u >= t)
                        upper[t * termCount + u]++;
            }
        }
        for (var t = 0; t < termCount; t++)
            for (var u = t; u < termCount; u++)
                sums.Gram[t, u] = sums.Gram[u, t] = upper[t * termCount + u];
        for (var a = 0; a < accounts; a++)
        {
            sums.AccountMean[a] = valueSums[a] / posts[a];
            var present = Enumerable.Range(0, termCount).Where(t => termSums[a][t] != 0).ToArray();
            foreach (var t in present)
            {
                sums.Moment[t] -= termSums[a][t] * sums.AccountMean[a];
                foreach (var u in present)
                    sums.Gram[t, u] -= termSums[a][t] * termSums[a][u] / posts[a];
            }
            sums.AccountTermMeans[a] = [.. termSums[a].Select(c => c / posts[a])];
        }
        return sums;
    }
}
