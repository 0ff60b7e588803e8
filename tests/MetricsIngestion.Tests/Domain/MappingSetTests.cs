using CreatorMeta.MetricsIngestion.Domain.Normalization;

namespace CreatorMeta.MetricsIngestion.Tests.Domain;

public sealed class MappingSetTests
{
    private static readonly DateTimeOffset Y2020 = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Y2023 = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Y2024 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Y2025 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static MetricMapping Row(long id, string? workspace, string rawName, string canonical, DateTimeOffset from, DateTimeOffset? to = null) =>
        new(id, workspace, "tiktok", "display", rawName, canonical, MetricScope.Lifetime, 1, MappingCombine.Sum, from, to, null);

    private static readonly MappingSet Set = new([
        Row(1, null, "like_count", "likes", Y2020),
        Row(2, "ws-1", "like_count", "shares", Y2024, Y2025),
        Row(3, null, "play_count", "impressions", Y2020),
        Row(4, null, "play_count", "views", Y2023),
    ]);

    [Fact]
    public void A_workspaces_own_row_wins_over_the_built_in_one_while_it_is_in_force()
    {
        Assert.Equal(2, Set.InForce("tiktok", "like_count", Y2024.AddMonths(6))?.Id);
        Assert.Equal(1, Set.InForce("tiktok", "like_count", Y2025)?.Id);
        Assert.Equal(1, Set.InForce("tiktok", "like_count", Y2023)?.Id);
    }

    [Fact]
    public void Of_two_rows_in_force_the_one_that_started_later_applies()
    {
        Assert.Equal("impressions", Set.InForce("tiktok", "play_count", Y2020.AddMonths(6))?.Canonical);
        Assert.Equal("views", Set.InForce("tiktok", "play_count", Y2024)?.Canonical);
    }

    [Fact]
    public void A_field_has_no_meaning_before_its_first_row_nor_on_another_platform_nor_under_another_name()
    {
        Assert.Null(Set.InForce("tiktok", "like_count", Y2020.AddTicks(-1)));
        Assert.Null(Set.InForce("youtube", "like_count", Y2024));
        Assert.Null(Set.InForce("tiktok", "Like_Count", Y2024));
        Assert.Null(new MappingSet([]).InForce("tiktok", "like_count", Y2024));
    }
}
