using MathNet.Numerics.Distributions;

namespace CreatorMeta.ServiceDefaults.Statistics;

/// <summary>A group of values by its count, mean and sample variance.</summary>
public readonly record struct Moments(int N, double Mean, double Variance);

/// <summary>A group's mean against the rest's: the difference (lift), its 95 % interval and a two-sided p-value.</summary>
public sealed record Comparison(int N, double Mean, int RestN, double RestMean, double Lift, double Low, double High, double P);

/// <summary>
/// Welch's t-test, which does not assume the two groups spread alike: a topic posted mostly as reels need not vary as
/// much as everything else does. The interval uses the same Welch–Satterthwaite degrees of freedom as the test.
/// </summary>
public static class Welch
{
    /// <summary>Null when either side has fewer than two values or neither varies: there is nothing to test.</summary>
    public static Comparison? Compare(Moments group, Moments rest)
    {
        if (group.N < 2 || rest.N < 2)
            return null;
        var (a, b) = (group.Variance / group.N, rest.Variance / rest.N);
        var standardError = Math.Sqrt(a + b);
        if (standardError == 0)
            return null;
        var degrees = (a + b) * (a + b) / (a * a / (group.N - 1) + b * b / (rest.N - 1));
        var lift = group.Mean - rest.Mean;
        var p = 2 * StudentT.CDF(0, 1, degrees, -Math.Abs(lift / standardError));
        var margin = StudentT.InvCDF(0, 1, degrees, 0.975) * standardError;
        return new Comparison(group.N, group.Mean, rest.N, rest.Mean, lift, lift - margin, lift + margin, Math.Min(1, p));
    }
}
