using CreatorMeta.ServiceDefaults.Statistics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>One term of the model: what it is, its estimate with cluster-robust standard error, interval and p-value.</summary>
public sealed record ModelTerm(string Term, string Role, double Estimate, double StandardError, double Low, double High, double P, double? Q);

/// <summary>A term left out of the model, and why.</summary>
public sealed record DroppedTerm(string Term, string Reason);

/// <summary>
/// The fit: how many posts, assets (the clusters) and accounts (the fixed effects, each post compared within its own
/// account, which also holds its platform) it used, each attribute term, the terms left out, or why there is no fit.
/// </summary>
public sealed record ModelFit(int Observations, int Clusters, int Accounts, IReadOnlyList<ModelTerm> Terms, IReadOnlyList<DroppedTerm> Dropped,
    string? NotFitted);

/// <summary>
/// Every attribute's effect with the others held equal: least squares of the metric on a fixed effect per account (an
/// account is one platform's, so this holds the platform too) and an indicator per attribute value with enough posts.
/// So an attribute that only looks good because it is mostly posted on a stronger platform or account is not credited.
/// The account effects are absorbed (Frisch–Waugh–Lovell: every column is taken about its account's mean), so a
/// library with thousands of accounts costs no more than one with three, and the fit is built from sums over the posts
/// — never a posts × terms matrix — so a million posts take one pass for the sums and one for the residuals.
/// Standard errors are clustered by asset — one asset on several platforms is one piece of evidence, not several —
/// with the usual small-sample factor G/(G−1)·(N−1)/(N−K), K counting the accounts, and t with G−1 degrees of freedom;
/// attribute terms get Benjamini–Hochberg q-values. A term that adds nothing the accounts and the terms before it do not
/// already say (the reference level of an attribute whose every value is in the model, or a value that every post of
/// its accounts has) is dropped and named. At most <see cref="MaxAttributeTerms"/> attribute values, the most common, enter.
/// </summary>
public static class AttributeModel
{
    /// <summary>Keeps the fit to a size one request can afford whatever the library: the cost grows with the square of it.</summary>
    public const int MaxAttributeTerms = 150;

    public static string AttributeTerm(string attribute, string value) => $"{attribute}={value}";

    public static ModelFit Fit(AnalysisTable table, IEnumerable<(string Attribute, string Value)> attributes, CancellationToken cancellationToken = default)
    {
        var codeOf = table.AttributeValues.Select((v, code) => (v, code)).ToDictionary(v => v.v, v => v.code);
        var rowsWith = new int[table.AttributeValues.Count];
        for (var row = 0; row < table.Count; row++)
            foreach (var code in table.ValuesOf(row))
                rowsWith[code]++;
        var wanted = attributes.Where(a => a.Attribute != "platform" && codeOf.ContainsKey(a)).Select((a, order) => (a, order, Count: rowsWith[codeOf[a]])).ToList();
        var taken = wanted.OrderByDescending(w => w.Count).ThenBy(w => w.order).Take(MaxAttributeTerms).Select(w => w.a).ToHashSet();
        var dropped = wanted.Where(w => !taken.Contains(w.a))
            .Select(w => new DroppedTerm(AttributeTerm(w.a.Attribute, w.a.Value), $"Beyond the {MaxAttributeTerms} most common attribute values the model takes."))
            .ToList();
        var candidates = wanted.Select(w => w.a).Where(taken.Contains).ToList();
        var termOf = new int[table.AttributeValues.Count];
        Array.Fill(termOf, -1);
        for (var j = 0; j < candidates.Count; j++)
            termOf[codeOf[candidates[j]]] = j;

        var sums = WithinAccountSums.Of(table, termOf, candidates.Count, cancellationToken);
        var kept = new List<int>();
        var factor = new List<double[]>();
        for (var j = 0; j < candidates.Count; j++)
        {
            // Cholesky in the given order: what column j says beyond the accounts and the kept terms (its squared norm
            // after projection) decides whether it stays; a share of its own within-account norm below 1e-9 is rounding.
            var row = new double[kept.Count + 1];
            for (var i = 0; i < kept.Count; i++)
            {
                var dot = 0.0;
                for (var l = 0; l < i; l++)
                    dot += factor[i][l] * row[l];
                row[i] = (sums.Gram[kept[i], j] - dot) / factor[i][i];
            }
            var beyond = sums.Gram[j, j] - row.Take(kept.Count).Sum(v => v * v);
            if (beyond <= 1e-9 * Math.Max(1, sums.Gram[j, j]))
            {
                dropped.Add(new DroppedTerm(AttributeTerm(candidates[j].Attribute, candidates[j].Value),
                    "The accounts and the terms before it already say what it does (a reference level, or every post of its accounts has it)."));
                continue;
            }
            row[kept.Count] = Math.Sqrt(beyond);
            factor.Add(row);
            kept.Add(j);
        }

        var (n, clusters, accounts, k) = (table.Count, table.AssetCount, table.Accounts.Count, kept.Count);
        if (k == 0 || n <= accounts + k || clusters < 2)
            return new ModelFit(n, clusters, accounts, [], dropped,
                candidates.Count == 0 ? "Not enough data: no attribute value was tested."
                : k == 0 ? "No tested attribute value says anything the accounts do not." : $"Not enough data: {n} posts from {clusters} assets for {accounts} accounts and {k} terms.");
        if (!VariesWithinAccounts(table, sums))
            return new ModelFit(n, clusters, accounts, [], dropped, "The metric does not vary within accounts: the accounts explain all of it.");
        // The factor that chose the terms is the Gram's Cholesky factor L: (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹, β = L⁻ᵀ L⁻¹ m.
        var inverse = Matrix<double>.Build.DenseOfArray(LowerInverse(factor));
        var bread = inverse.TransposeThisAndMultiply(inverse);
        var beta = bread * Vector<double>.Build.Dense(k, i => sums.Moment[kept[i]]);
        var meat = ClusterMeat.Of(table, termOf, kept, beta, sums, cancellationToken);
        var correction = clusters / (clusters - 1.0) * (n - 1.0) / (n - accounts - k);
        var covariance = bread * meat * bread * correction;
        var degrees = clusters - 1.0;
        var critical = StudentT.InvCDF(0, 1, degrees, 0.975);
        var p = kept.Select((j, i) =>
        {
            var se = Math.Sqrt(Math.Max(0, covariance[i, i]));
            return se == 0 ? 1 : Math.Min(1, 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(beta[i] / se)));
        }).ToArray();
        var q = FalseDiscovery.QValues(p);
        var terms = kept.Select((j, i) =>
        {
            var se = Math.Sqrt(Math.Max(0, covariance[i, i]));
            return new ModelTerm(AttributeTerm(candidates[j].Attribute, candidates[j].Value), "attribute", beta[i], se, beta[i] - critical * se,
                beta[i] + critical * se, p[i], q[i]);
        }).ToList();
        return new ModelFit(n, clusters, accounts, terms, dropped, null);
    }

    /// <summary>L⁻¹ of a lower-triangular factor given by rows, by forward substitution.</summary>
    private static double[,] LowerInverse(List<double[]> factor)
    {
        var k = factor.Count;
        var inverse = new double[k, k];
        for (var column = 0; column < k; column++)
            for (var i = column; i < k; i++)
            {
                var sum = i == column ? 1.0 : 0.0;
                for (var l = column; l < i; l++)
                    sum -= factor[i][l] * inverse[l, column];
                inverse[i, column] = sum / factor[i][i];
            }
        return inverse;
    }

    /// <summary>
    /// Whether anything is left once each account's mean is taken away: a metric constant within accounts leaves residuals
    /// of rounding alone, whose ratio to a standard error of rounding would read as significance.
    /// </summary>
    private static bool VariesWithinAccounts(AnalysisTable table, WithinAccountSums sums)
    {
        var (within, total) = (0.0, 0.0);
        for (var row = 0; row < table.Count; row++)
        {
            var (y, deviation) = (table.Value(row), table.Value(row) - sums.AccountMean[table.Account(row)]);
            within += deviation * deviation;
            total += y * y;
        }
        return within > 1e-12 * total;
    }
}
