using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class DuplicateGuardRulesTests
{
    private static readonly DateTimeOffset PublishedAt = new(2025, 5, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cooldown = TimeSpan.FromDays(30);

    [Fact]
    public void The_assets_own_live_post_on_the_account_makes_it_already_published()
    {
        var asset = Samples.NewAsset();
        var earlier = Samples.Publish(asset, Samples.Post(publishedAt: PublishedAt, postUrl: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"));

        var conflict = Assert.Single(DuplicateGuard.Conflicts(asset, [earlier], Samples.Now, Cooldown));

        Assert.Equal("already-published", conflict.Reason);
        Assert.Equal("Live on youtube account '@jamal' since 2025-05-01T09:30:00.0000000+00:00 (https://www.youtube.com/watch?v=dQw4w9WgXcQ).",
            conflict.Detail);
        Assert.Same(earlier, conflict.Earlier);
    }

    [Fact]
    public void A_live_post_of_the_same_content_from_another_asset_makes_it_same_content_published()
    {
        var original = Samples.NewAsset();
        var copy = Samples.NewAsset();
        var earlier = Samples.Publish(original, Samples.Post(publishedAt: PublishedAt));

        var conflict = Assert.Single(DuplicateGuard.Conflicts(copy, [earlier], Samples.Now, Cooldown));

        Assert.Equal("same-content-published", conflict.Reason);
        Assert.Equal("Live on youtube account '@jamal' since 2025-05-01T09:30:00.0000000+00:00.", conflict.Detail);
    }

    [Theory]
    [InlineData(29, "cooldown")]
    [InlineData(30, null)] // exactly one cooldown after it went out, the cooldown has passed
    [InlineData(45, null)]
    public void A_removed_post_blocks_only_until_the_cooldown_has_passed(int daysLater, string? reason)
    {
        var asset = Samples.NewAsset();
        var earlier = Samples.Publish(asset, Samples.Post(publishedAt: PublishedAt));
        asset.RemovePublication(earlier, PublishedAt.AddDays(1), "Takedown request");

        var conflicts = DuplicateGuard.Conflicts(asset, [earlier], PublishedAt.AddDays(daysLater), Cooldown);

        Assert.Equal(reason, conflicts.SingleOrDefault()?.Reason);
    }

    [Fact]
    public void A_cooldown_conflict_says_when_the_removed_post_went_out()
    {
        var asset = Samples.NewAsset();
        var earlier = Samples.Publish(asset, Samples.Post(publishedAt: PublishedAt));
        asset.RemovePublication(earlier, PublishedAt.AddDays(1), "Takedown request");

        var conflict = Assert.Single(DuplicateGuard.Conflicts(asset, [earlier], PublishedAt.AddDays(2), Cooldown));

        Assert.Equal("Went out on youtube account '@jamal' on 2025-05-01T09:30:00.0000000+00:00 and was removed; the platform's cooldown has not passed.",
            conflict.Detail);
    }

    [Fact]
    public void An_archived_asset_is_refused_first_and_no_repurpose_reason_gets_past_that()
    {
        var asset = Samples.NewAsset();
        var earlier = Samples.Publish(asset, Samples.Post(publishedAt: PublishedAt));
        asset.ChangeStatus(AssetStatus.Archived, Samples.Now);

        var conflicts = DuplicateGuard.Conflicts(asset, [earlier], Samples.Now, Cooldown);

        Assert.Equal(["asset-archived", "already-published"], conflicts.Select(c => c.Reason));
        Assert.Equal("The asset is archived; restore it before publishing it.", conflicts[0].Detail);
        Assert.Null(conflicts[0].Earlier);
        Assert.True(conflicts[0].Refuses("Recut as a short"));
        Assert.False(conflicts[1].Refuses("Recut as a short"));
    }

    [Fact]
    public void Conflicts_are_listed_earliest_post_first()
    {
        var asset = Samples.NewAsset();
        var later = Samples.Publish(asset, Samples.Post(publishedAt: PublishedAt.AddDays(3)));
        var earliest = Samples.Publish(asset, Samples.Post(publishedAt: PublishedAt));

        var conflicts = DuplicateGuard.Conflicts(asset, [later, earliest], Samples.Now, Cooldown);

        Assert.Equal([earliest, later], conflicts.Select(c => c.Earlier));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("   ", true)]
    [InlineData("Recut as a short", false)]
    public void Only_a_repurpose_that_says_why_goes_past_an_earlier_post(string? repurposeReason, bool refused)
    {
        var asset = Samples.NewAsset();
        var earlier = Samples.Publish(asset);

        Assert.Equal(refused, new GuardConflict("already-published", "", earlier).Refuses(repurposeReason));
    }
}
