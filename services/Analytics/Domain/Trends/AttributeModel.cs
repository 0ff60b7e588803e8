using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>One term of the model: what it is, its estimate with cluster-robust standard error, interval and p-value.</summary>
public sealed record ModelTerm(string Term, string Role, double Estimate, double StandardError, double Low, double High, double P, double? Q);

/// <summary>A term left out of the model, and why.</summary>
public sealed record DroppedTerm(string Term, string Reason);

public sealed record ModelFit(int Observations, int Clusters, IReadOnlyList<ModelTerm> Terms, IReadOnlyList<DroppedTerm> Dropped, string? NotFitted);

/// <summary>
/// Every attribute's effect with the others held equal: least squares of the metric on an intercept, fixed effects for
/// platform and account (a post is compared within where it went out), and an indicator per attribute value with enough
/// posts. So an attribute that only looks good because it is mostly posted on a stronger platform is not credited.
/// Standard errors are clustered by asset — one asset on several platforms is one piece of evidence, not several —
/// with the usual small-sample factor G/(G−1)·(N−1)/(N−K) and t with G−1 degrees of freedom; attribute terms get
/// Benjamini–Hochberg q-values. A term that adds nothing the terms before it do not already say is dropped and named:
/// the last level of each platform's accounts, of the platforms and of each attribute whose every value is in the model
/// (the reference the others are measured against), or an attribute every post of one account has. At most
/// <see cref="MaxAttributeTerms"/> attribute values, the most common, enter the model.
/// </summary>
public static class AttributeModel
{
    public const string Intercept = "intercept";

    /// <summary>Keeps the fit to a size one request can afford whatever the library: the cost grows with the square of it.</summary>
    public const int MaxAttributeTerms = 150;

    public static string PlatformTerm(string platform) => $"platform={platform}";

    public static string AccountTerm(string platform, string account) => $"account={platform}/{account}";

    public static string AttributeTerm(string attribute, string value) => $"{attribute}={value}";

    public static ModelFit Fit(IReadOnlyList<(AnalysisRow Row, double Value)> posts, IEnumerable<(string Attribute, string Value)> attributes,
        CancellationToken cancellationToken = default)
    {
        var held = posts.Select(p => AttributeValues.Of(p.Row).ToHashSet()).ToArray();
        var candidates = new List<(string Term, string Role, Func<int, bool> Has)> { (Intercept, "intercept", _ => true) };
        foreach (var platform in posts.Select(p => p.Row.Platform).Distinct().Order(StringComparer.Ordinal))
            candidates.Add((PlatformTerm(platform), "fixed effect", i => posts[i].Row.Platform == platform));
        foreach (var (platform, account) in posts.Select(p => (p.Row.Platform, p.Row.Account)).Distinct()
                     .OrderBy(a => a.Platform, StringComparer.Ordinal).ThenBy(a => a.Account, StringComparer.Ordinal))
            candidates.Add((AccountTerm(platform, account), "fixed effect", i => posts[i].Row.Platform == platform && posts[i].Row.Account == account));
        var wanted = attributes.Where(a => a.Attribute != "platform").Select((a, order) => (a, order, Count: held.Count(h => h.Contains(a)))).ToList();
        var taken = wanted.OrderByDescending(w => w.Count).ThenBy(w => w.order).Take(MaxAttributeTerms).Select(w => w.a).ToHashSet();
        var dropped = wanted.Where(w => !taken.Contains(w.a))
            .Select(w => new DroppedTerm(AttributeTerm(w.a.Attribute, w.a.Value), $"Beyond the {MaxAttributeTerms} most common attribute values the model takes."))
            .ToList();
        foreach (var (attribute, value) in wanted.Select(w => w.a).Where(taken.Contains))
            candidates.Add((AttributeTerm(attribute, value), "attribute", i => held[i].Contains((attribute, value))));

        var kept = new List<(string Term, string Role, Vector<double> Column)>();
        var basis = new List<Vector<double>>();
        var projection = Vector<double>.Build.Dense(posts.Count);
        foreach (var (term, role, has) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var column = Vector<double>.Build.Dense(posts.Count, i => has(i) ? 1 : 0);
            var residual = column.Clone();
            // Gram–Schmidt twice: what the column says beyond the kept ones, to rounding.
            for (var pass = 0; pass < 2; pass++)
                foreach (var b in basis)
                {
                    b.Multiply(b.DotProduct(residual), projection);
                    residual.Subtract(projection, residual);
                }
            if (residual.L2Norm() <= 1e-9 * Math.Max(1, column.L2Norm()))
            {
                dropped.Add(new DroppedTerm(term, "The terms before it already say what it does (a reference level, or every post with it shares them)."));
                continue;
            }
            basis.Add(residual / residual.L2Norm());
            kept.Add((term, role, column));
        }

        var clusters = posts.Select(p => p.Row.AssetId).Distinct().Count();
        var (n, k) = (posts.Count, kept.Count);
        if (n <= k || clusters < 2)
            return new ModelFit(n, clusters, [], dropped, $"Not enough data: {n} posts from {clusters} assets for {k} terms.");
        var x = Matrix<double>.Build.DenseOfColumnVectors(kept.Select(c => c.Column));
        var y = Vector<double>.Build.Dense(n, i => posts[i].Value);
        var beta = x.QR().Solve(y);
        var residuals = y - x * beta;
        var bread = (x.TransposeThisAndMultiply(x)).Inverse();
        // Each asset's summed score (its rows times their residuals), one row per asset: the meat is SᵀS.
        var assetIndex = posts.Select(p => p.Row.AssetId).Distinct().Select((a, g) => (a, g)).ToDictionary(a => a.a, a => a.g);
        var scores = Matrix<double>.Build.Dense(clusters, k);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < k; j++)
                scores[assetIndex[posts[i].Row.AssetId], j] += x[i, j] * residuals[i];
        var meat = scores.TransposeThisAndMultiply(scores);
        var correction = clusters / (clusters - 1.0) * (n - 1.0) / (n - k);
        var covariance = bread * meat * bread * correction;
        var degrees = clusters - 1.0;
        var critical = StudentT.InvCDF(0, 1, degrees, 0.975);
        var terms = kept.Select((c, j) =>
        {
            var se = Math.Sqrt(Math.Max(0, covariance[j, j]));
            var p = se == 0 ? 1 : 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(beta[j] / se));
            return new ModelTerm(c.Term, c.Role, beta[j], se, beta[j] - critical * se, beta[j] + critical * se, Math.Min(1, p), null);
        }).ToList();
        var attributeTerms = terms.Select((t, j) => (t, j)).Where(t => t.t.Role == "attribute").ToList();
        var q = FalseDiscovery.QValues([.. attributeTerms.Select(t => t.t.P)]);
        for (var a = 0; a < attributeTerms.Count; a++)
            terms[attributeTerms[a].j] = attributeTerms[a].t with { Q = q[a] };
        return new ModelFit(n, clusters, terms, dropped, null);
    }
}
