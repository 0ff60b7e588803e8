namespace CreatorMeta.ServiceDefaults.Statistics;

/// <summary>
/// Benjamini–Hochberg q-values: testing a hundred values at 5 % finds five "effects" by chance alone, so each
/// p-value is weighed by how many were tested, and a value is reported as significant at q, the false discovery rate
/// it would take to count it.
/// </summary>
public static class FalseDiscovery
{
    public static double[] QValues(IReadOnlyList<double> p)
    {
        var order = Enumerable.Range(0, p.Count).OrderByDescending(i => p[i]).ThenByDescending(i => i).ToArray();
        var q = new double[p.Count];
        var smallest = 1.0;
        for (var k = 0; k < order.Length; k++)
        {
            var rank = p.Count - k;
            smallest = Math.Min(smallest, p[order[k]] * p.Count / rank);
            q[order[k]] = smallest;
        }
        return q;
    }
}
