using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class PerceptualBandsTests
{
    [Fact]
    public void Probing_a_hash_reaches_every_hash_within_seven_bits()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 10_000; trial++)
        {
            var hash = random.NextInt64(long.MinValue, long.MaxValue);
            var near = hash;
            for (var flips = random.Next(1, PerceptualBands.MaxIndexedDistance + 1); flips > 0; flips--)
                near ^= 1L << random.Next(64);

            Assert.Contains(Enumerable.Range(0, PerceptualBands.Count), band => PerceptualBands.Probes(hash, band).Contains(PerceptualBands.Of(near, band)));
        }
    }

    [Fact]
    public void Bands_cover_the_whole_hash_sixteen_bits_each_and_probes_are_distinct()
    {
        const long hash = unchecked((long)0xFEDC_BA98_7654_3210);

        Assert.Equal([0xFEDC, 0xBA98, 0x7654, 0x3210], Enumerable.Range(0, PerceptualBands.Count).Select(band => PerceptualBands.Of(hash, band)));
        Assert.Equal(17, PerceptualBands.Probes(hash, 0).Distinct().Count());
    }

    [Theory]
    [InlineData(0, "((perceptual_hash >> 48) & 65535)")]
    [InlineData(1, "((perceptual_hash >> 32) & 65535)")]
    [InlineData(2, "((perceptual_hash >> 16) & 65535)")]
    [InlineData(3, "((perceptual_hash >> 0) & 65535)")]
    public void A_band_in_sql_is_written_exactly_as_its_index_expression(int band, string sql) =>
        Assert.Equal(sql, PerceptualBands.Sql(band));
}
