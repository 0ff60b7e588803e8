namespace CreatorMeta.Tracking.Domain;

/// <summary>
/// Multi-index hashing for dHashes: the hash cut into four 16-bit bands, each indexed on its own (migration 0006).
/// Hashes within <see cref="MaxIndexedDistance"/> bits have a band at most one bit apart (pigeonhole), so probing every
/// band with <see cref="Probes"/> — its value and its 16 one-bit neighbours — reaches every such hash.
/// </summary>
public static class PerceptualBands
{
    public const int MaxIndexedDistance = 7;
    public const int Count = 4;

    public static long Of(long hash, int band) => (hash >> Shift(band)) & 0xFFFF;

    public static long[] Probes(long hash, int band)
    {
        var value = Of(hash, band);
        return [value, .. Enumerable.Range(0, 16).Select(bit => value ^ (1L << bit))];
    }

    /// <summary>The band in SQL, written exactly as the index expression so that PostgreSQL uses the index.</summary>
    public static string Sql(int band) => $"((perceptual_hash >> {Shift(band)}) & 65535)";

    private static int Shift(int band) => 48 - 16 * band;
}
