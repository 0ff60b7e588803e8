namespace CreatorMeta.Tracking.Domain;

/// <summary>
/// The dHash cut into eight tagged 8-bit bands, exactly as the database's perceptual_bands column computes them
/// (migration 0005). Hashes within <see cref="MaxIndexedDistance"/> bits share at least one band.
/// </summary>
public static class PerceptualBands
{
    public const int MaxIndexedDistance = 7;

    public static int[] Of(long hash) => Enumerable.Range(0, 8).Select(i => i * 256 + (int)((hash >> (56 - 8 * i)) & 255)).ToArray();
}
