using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class PublicationTests
{
    private static readonly DateTimeOffset Later = Samples.Now.AddHours(2);

    [Fact]
    public void A_recorded_post_keeps_what_was_sent_with_its_time_in_utc()
    {
        var asset = Samples.NewAsset();
        var publishedInBerlin = new DateTimeOffset(2025, 5, 31, 20, 30, 0, TimeSpan.FromHours(2));

        var publication = asset.RecordPublication(new PublicationDetails("youtube", "@jamal", "dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ", publishedInBerlin, "Golden hour", ["sunset"], PublicationSource.Scheduled, null), [], Samples.Now);

        Assert.Equal(7, publication.Id.Version);
        Assert.Equal(asset.WorkspaceId, publication.WorkspaceId);
        Assert.Equal(asset.Id, publication.AssetId);
        Assert.Equal("youtube", publication.Platform);
        Assert.Equal("@jamal", publication.Account);
        Assert.Equal("dQw4w9WgXcQ", publication.ExternalPostId);
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", publication.PostUrl);
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 18, 30, 0, TimeSpan.Zero), publication.PublishedAt);
        Assert.Equal(TimeSpan.Zero, publication.PublishedAt.Offset);
        Assert.Equal("Golden hour", publication.Caption);
        Assert.Equal(["sunset"], publication.Hashtags);
        Assert.Equal(PublicationSource.Scheduled, publication.Source);
        Assert.Null(publication.RepurposeReason);
        Assert.Equal(PublicationStatus.Live, publication.Status);
        Assert.Equal(Samples.Now, publication.RecordedAt);
        Assert.Null(publication.RemovedAt);
        Assert.Null(publication.RemovalReason);
        Assert.Equal(1, publication.Version);
        var first = Assert.Single(publication.Versions);
        Assert.Equal(publication.Id, first.PublicationId);
        Assert.Equal(1, first.Version);
        Assert.Equal("Golden hour", first.Caption);
        Assert.Equal(["sunset"], first.Hashtags);
        Assert.Equal(publication.PublishedAt, first.ValidFrom);
    }

    [Fact]
    public void An_edited_caption_becomes_a_new_version_and_the_old_one_stays_in_history()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset, Samples.Post(caption: "Golden hour", hashtags: ["sunset"]));
        var editedInNewYork = new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.FromHours(-4));

        Assert.True(asset.EditPublication(publication, "Blue hour", ["sunset", "dusk"], editedInNewYork));

        Assert.Equal(2, publication.Version);
        Assert.Equal("Blue hour", publication.Caption);
        Assert.Equal(["sunset", "dusk"], publication.Hashtags);
        Assert.Equal(["Golden hour", "Blue hour"], publication.Versions.Select(v => v.Caption));
        Assert.Equal(["sunset"], publication.Versions[0].Hashtags);
        Assert.Equal(2, publication.Versions[1].Version);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 13, 0, 0, TimeSpan.Zero), publication.Versions[1].ValidFrom);
        Assert.Equal(TimeSpan.Zero, publication.Versions[1].ValidFrom.Offset);
    }

    [Fact]
    public void Changing_only_the_hashtags_is_an_edit_too()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset, Samples.Post(caption: "Golden hour", hashtags: ["sunset"]));

        Assert.True(asset.EditPublication(publication, "Golden hour", ["dusk"], Later));

        Assert.Equal(2, publication.Version);
        Assert.Equal(["dusk"], publication.Versions[1].Hashtags);
    }

    [Fact]
    public void A_removed_post_stays_in_the_history_with_when_and_why_it_came_down()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset);
        var removedInTokyo = new DateTimeOffset(2025, 6, 3, 8, 0, 0, TimeSpan.FromHours(9));

        Assert.True(asset.RemovePublication(publication, removedInTokyo, "Copyright claim"));

        Assert.Equal(PublicationStatus.Removed, publication.Status);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 23, 0, 0, TimeSpan.Zero), publication.RemovedAt);
        Assert.Equal(TimeSpan.Zero, publication.RemovedAt!.Value.Offset);
        Assert.Equal("Copyright claim", publication.RemovalReason);
        Assert.Same(publication, Assert.Single(asset.Publications));
    }

    [Fact]
    public void A_second_removal_keeps_the_first_ones_time_and_reason()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset);
        asset.RemovePublication(publication, Later, "Copyright claim");

        asset.RemovePublication(publication, Later.AddDays(1), "Duplicate");

        Assert.Equal(Later, publication.RemovedAt);
        Assert.Equal("Copyright claim", publication.RemovalReason);
    }

    [Fact]
    public void A_removed_post_cannot_be_edited_though_repeating_its_last_words_is_no_edit()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset, Samples.Post(caption: "Golden hour", hashtags: ["sunset"]));
        asset.RemovePublication(publication, Later, null);

        Assert.False(asset.EditPublication(publication, "Golden hour", ["sunset"], Later));
        var error = Assert.Throws<InvalidOperationException>(() => asset.EditPublication(publication, "Blue hour", ["sunset"], Later));

        Assert.Equal("A removed post cannot be edited.", error.Message);
        Assert.Equal("Golden hour", publication.Caption);
        Assert.Single(publication.Versions);
    }
}
