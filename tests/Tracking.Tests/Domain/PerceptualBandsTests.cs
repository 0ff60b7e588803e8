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

            Assert.NotEmpty(PerceptualBands.ProbeKeys(hash).Intersect(PerceptualBands.Of(near)));
        }
    }

    [Fact]
    public void Bands_are_tagged_by_position_so_equal_values_in_different_places_do_not_match()
    {
        var high = PerceptualBands.Of(0x0001000000000000);
        var low = PerceptualBands.Of(0x0000000000000001);

        Assert.DoesNotContain(low[3], high);
        Assert.DoesNotContain(high[0], low);
        Assert.Equal(68, PerceptualBands.ProbeKeys(-1).Distinct().Count());
    }
}
