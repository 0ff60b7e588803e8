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
/// Benjamini–Hochberg q-values. A term that adds nothing the terms before it do not already say (a reference level, an
/// attribute every post of one account has) is dropped and named.
/// </summary>
public static class AttributeModel
{
    public const string Intercept = "intercept";

    public static string PlatformTerm(string platform) => $"platform={platform}";

    public static string AccountTerm(string platform, string account) => $"account={platform}/{account}";

    public static string AttributeTerm(string attribute, string value) => $"{attribute}={value}";

    public static ModelFit Fit(IReadOnlyList<(AnalysisRow Row, double Value)> posts, IEnumerable<(string Attribute, string Value)> attributes)
    {
        var candidates = new List<(string Term, string Role, Func<AnalysisRow, bool> Has)> { (Intercept, "intercept", _ => true) };
        foreach (var platform in posts.Select(p => p.Row.Platform).Distinct().Order(StringComparer.Ordinal))
            candidates.Add((PlatformTerm(platform), "fixed effect", r => r.Platform == platform));
        foreach (var (platform, account) in posts.Select(p => (p.Row.Platform, p.Row.Account)).Distinct().Order())
            candidates.Add((AccountTerm(platform, account), "fixed effect", r => r.Platform == platform && r.Account == account));
        foreach (var (attribute, value) in attributes.Where(a => a.Attribute != "platform"))
            candidates.Add((AttributeTerm(attribute, value), "attribute", r => AttributeValues.Of(r).Contains((attribute, value))));

        var kept = new List<(string Term, string Role, Vector<double> Column)>();
        var basis = new List<Vector<double>>();
        var dropped = new List<DroppedTerm>();
        foreach (var (term, role, has) in candidates)
        {
            var column = Vector<double>.Build.Dense(posts.Count, i => has(posts[i].Row) ? 1 : 0);
            var residual = column.Clone();
            // Gram–Schmidt twice: what the column says beyond the kept ones, to rounding.
            for (var pass = 0; pass < 2; pass++)
                foreach (var b in basis)
                    residual -= b * b.DotProduct(residual);
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
        var meat = Matrix<double>.Build.Dense(k, k);
        foreach (var cluster in Enumerable.Range(0, n).GroupBy(i => posts[i].Row.AssetId))
        {
            var score = Vector<double>.Build.Dense(k);
            foreach (var i in cluster)
                score += x.Row(i) * residuals[i];
            meat += score.OuterProduct(score);
        }
        var correction = clusters / (clusters - 1.0) * (n - 1.0) / (n - k);
        var covariance = bread * meat * bread * correction;
        var degrees = clusters - 1.0;
        var critical = StudentT.InvCDF(0, 1, degrees, 0.975);
        var terms = kept.Select((c, j) =>
        {
            var se = Math.Sqrt(covariance[j, j]);
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
