using MathNet.Numerics.Distributions;

namespace CreatorMeta.Analytics.Domain.Trends;

/// <summary>A group's mean against the rest's: the difference (lift), its 95 % interval and a two-sided p-value.</summary>
public sealed record Comparison(int N, double Mean, int RestN, double RestMean, double Lift, double Low, double High, double P);

/// <summary>
/// Welch's t-test, which does not assume the two groups spread alike: a topic posted mostly as reels need not vary as
/// much as everything else does. The interval uses the same Welch–Satterthwaite degrees of freedom as the test.
/// </summary>
public static class Welch
{
    /// <summary>Null when either side has fewer than two values or neither varies: there is nothing to test.</summary>
    public static Comparison? Compare(IReadOnlyList<double> group, IReadOnlyList<double> rest)
    {
        if (group.Count < 2 || rest.Count < 2)
            return null;
        var (mean, variance) = MeanAndVariance(group);
        var (restMean, restVariance) = MeanAndVariance(rest);
        var (a, b) = (variance / group.Count, restVariance / rest.Count);
        var standardError = Math.Sqrt(a + b);
        if (standardError == 0)
            return null;
        var degrees = (a + b) * (a + b) / (a * a / (group.Count - 1) + b * b / (rest.Count - 1));
        var lift = mean - restMean;
        var p = 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(lift / standardError));
        var margin = StudentT.InvCDF(0, 1, degrees, 0.975) * standardError;
        return new Comparison(group.Count, mean, rest.Count, restMean, lift, lift - margin, lift + margin, Math.Min(1, p));
    }

    private static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return (mean, values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
