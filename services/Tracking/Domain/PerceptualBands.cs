namespace CreatorMeta.Tracking.Domain;

/// <summary>
/// Multi-index hashing for dHashes: four position-tagged 16-bit bands, exactly as the database's perceptual_bands
/// column computes them (migration 0005). Hashes within <see cref="MaxIndexedDistance"/> bits have a band at most one
/// bit apart, so <see cref="ProbeKeys"/> — each band and its 16 one-bit neighbours — reaches every such hash.
/// </summary>
public static class PerceptualBands
{
    public const int MaxIndexedDistance = 7;

    public static int[] Of(long hash) => Enumerable.Range(0, 4).Select(i => Band(hash, i)).ToArray();

    public static int[] ProbeKeys(long hash) => Enumerable.Range(0, 4)
        .SelectMany(i => Enumerable.Range(-1, 17).Select(bit => bit < 0 ? Band(hash, i) : i * 65536 + ((Band(hash, i) - i * 65536) ^ (1 << bit))))
        .ToArray();

    private static int Band(long hash, int position) => position * 65536 + (int)((hash >> (48 - 16 * position)) & 65535);
}
