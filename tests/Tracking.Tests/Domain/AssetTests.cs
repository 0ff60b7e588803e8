using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class AssetTests
{
    private static readonly DateTimeOffset Later = Samples.Now.AddHours(2);

    [Fact]
    public void A_registered_asset_is_a_draft_holding_the_details_it_was_given()
    {
        var asset = Samples.NewAsset();

        Assert.Equal(7, asset.Id.Version);
        Assert.Equal("ws-1", asset.WorkspaceId);
        Assert.Equal(AssetStatus.Draft, asset.Status);
        Assert.False(asset.NeedsReview);
        Assert.Equal(Samples.Now, asset.CreatedAt);
        Assert.Equal(Samples.Now, asset.UpdatedAt);
        Assert.Null(asset.ArchivedAt);
        Assert.Empty(asset.Publications);
        Assert.Empty(asset.LivePlatforms);
        Assert.Empty(asset.LiveHashtags);
        Assert.Equal(Samples.DetailsSearchText, asset.SearchText);
        var details = asset.Details;
        Assert.Equal("Sunset at the pier", details.Title);
        Assert.Equal("Golden hour, Santa Monica", details.Description);
        Assert.Equal(AssetKind.Video, details.Kind);
        Assert.Equal("9f86d081884c7d65", details.ContentHash);
        Assert.Equal(0x0F0F_0F0F_0F0F_0F0FL, details.PerceptualHash);
        Assert.Equal(42.5, details.DurationSeconds);
        Assert.Equal(1080, details.Width);
        Assert.Equal(1920, details.Height);
        Assert.Equal(["travel", "beach"], details.Topics);
        Assert.Equal(["sea", "sun"], details.VisualElements);
        Assert.Equal("9:16", details.Format);
        Assert.Equal("en", details.Language);
        Assert.Equal(new Dictionary<string, string> { ["camera"] = "a7", ["lens"] = "35mm" }, details.Attributes);
    }

    [Fact]
    public void Changing_the_request_lists_after_registering_does_not_change_the_asset()
    {
        var topics = new List<string> { "travel" };
        var attributes = new Dictionary<string, string> { ["camera"] = "a7" };
        var asset = Samples.NewAsset(Samples.Details with { Topics = topics, Attributes = attributes });

        topics.Add("food");
        attributes["camera"] = "iphone";

        Assert.Equal(["travel"], asset.Topics);
        Assert.Equal("a7", asset.Attributes["camera"]);
    }

    [Fact]
    public void An_imported_placeholder_needs_review_until_an_update_says_it_was_reviewed()
    {
        var asset = Samples.NewAsset(needsReview: true);
        Assert.True(asset.NeedsReview);

        asset.Update(Samples.Details, reviewed: false, Later);
        Assert.True(asset.NeedsReview);

        asset.Update(Samples.Details, reviewed: true, Later);
        Assert.False(asset.NeedsReview);
    }

    [Fact]
    public void An_update_names_exactly_the_fields_that_changed_in_a_fixed_order()
    {
        var asset = Samples.NewAsset();

        var changed = asset.Update(Samples.Details with
        {
            Attributes = new Dictionary<string, string> { ["camera"] = "a7", ["lens"] = "50mm" },
            Topics = ["travel"],
            Width = 720,
            Title = "Pier at dusk",
        }, reviewed: false, Later);

        Assert.Equal(["title", "width", "topics", "attributes"], changed);
        Assert.Equal("Pier at dusk", asset.Title);
        Assert.Equal(720, asset.Width);
        Assert.Equal(Later, asset.UpdatedAt);
    }

    [Fact]
    public void An_update_with_the_same_details_in_another_attribute_order_changes_nothing()
    {
        var asset = Samples.NewAsset();

        var changed = asset.Update(Samples.Details with { Attributes = new Dictionary<string, string> { ["lens"] = "35mm", ["camera"] = "a7" } },
            reviewed: false, Later);

        Assert.Empty(changed);
    }

    [Fact]
    public void New_details_replace_the_title_in_search_and_keep_the_captions()
    {
        var asset = Samples.NewAsset();
        Samples.Publish(asset, Samples.Post(caption: "Pier—sunset"));

        asset.Update(Samples.Details with { Title = "Dusk", Description = null }, reviewed: false, Later);

        Assert.Equal("Dusk\nPier sunset", asset.SearchText);
    }

    [Fact]
    public void Approving_a_draft_moves_it_and_stamps_the_change()
    {
        var asset = Samples.NewAsset();

        Assert.Null(asset.ChangeStatus(AssetStatus.Approved, Later));
        Assert.Equal(AssetStatus.Approved, asset.Status);
        Assert.Equal(Later, asset.UpdatedAt);
        Assert.Null(asset.ArchivedAt);
    }

    [Fact]
    public void Archiving_records_when_and_restoring_forgets_it()
    {
        var asset = Samples.NewAsset();

        Assert.Null(asset.ChangeStatus(AssetStatus.Archived, Later));
        Assert.Equal(Later, asset.ArchivedAt);

        Assert.Null(asset.ChangeStatus(AssetStatus.Draft, Later.AddDays(1)));
        Assert.Equal(AssetStatus.Draft, asset.Status);
        Assert.Null(asset.ArchivedAt);
    }

    [Fact]
    public void Asking_for_the_status_it_already_has_is_allowed_and_touches_nothing()
    {
        var asset = Samples.NewAsset();

        Assert.Null(asset.ChangeStatus(AssetStatus.Draft, Later));
        Assert.Equal(Samples.Now, asset.UpdatedAt);
    }

    [Fact]
    public void A_refused_status_change_says_why_and_leaves_the_asset_as_it_was()
    {
        var asset = Samples.NewAsset();

        Assert.Equal("An asset becomes published by recording a publication.", asset.ChangeStatus(AssetStatus.Published, Later));
        Assert.Equal(AssetStatus.Draft, asset.Status);
        Assert.Equal(Samples.Now, asset.UpdatedAt);
    }

    [Fact]
    public void A_published_asset_once_archived_can_only_be_restored_to_published()
    {
        var asset = Samples.NewAsset();
        Samples.Publish(asset);
        asset.ChangeStatus(AssetStatus.Archived, Later);

        Assert.Equal("An asset that has been published is restored to published.", asset.ChangeStatus(AssetStatus.Draft, Later));
        Assert.Null(asset.ChangeStatus(AssetStatus.Published, Later));
        Assert.Equal(AssetStatus.Published, asset.Status);
        Assert.Null(asset.ArchivedAt);
    }

    [Fact]
    public void Recording_a_publication_publishes_the_asset_and_adds_it_to_search_and_the_live_summary()
    {
        var asset = Samples.NewAsset();
        asset.ChangeStatus(AssetStatus.Approved, Samples.Now);

        var publication = asset.RecordPublication(Samples.Post(caption: "Golden hour at the pier", hashtags: ["sunset", "Beach"]), [], Later);

        Assert.Same(publication, Assert.Single(asset.Publications));
        Assert.Equal(AssetStatus.Published, asset.Status);
        Assert.Equal(Later, asset.UpdatedAt);
        Assert.Equal(["youtube"], asset.LivePlatforms);
        Assert.Equal(["Beach", "sunset"], asset.LiveHashtags); // ordinal: upper case sorts first
        Assert.Equal(Samples.DetailsSearchText + "\nGolden hour at the pier", asset.SearchText);
    }

    [Fact]
    public void The_live_summary_lists_each_platform_and_hashtag_once()
    {
        var asset = Samples.NewAsset();

        Samples.Publish(asset, Samples.Post("youtube", hashtags: ["sunset"]));
        Samples.Publish(asset, Samples.Post("instagram", hashtags: ["pier", "sunset"]));
        Samples.Publish(asset, Samples.Post("youtube", "@jamal.shorts", hashtags: ["sunset"]));

        Assert.Equal(["instagram", "youtube"], asset.LivePlatforms);
        Assert.Equal(["pier", "sunset"], asset.LiveHashtags);
    }

    [Fact]
    public void A_post_without_a_caption_adds_nothing_to_search()
    {
        var asset = Samples.NewAsset();

        Samples.Publish(asset, Samples.Post(caption: "  "));

        Assert.Equal(Samples.DetailsSearchText, asset.SearchText);
    }

    [Fact]
    public void A_publication_the_guard_refuses_is_not_recorded()
    {
        var asset = Samples.NewAsset();
        var earlier = Samples.Publish(asset);
        var conflicts = DuplicateGuard.Conflicts(asset, [earlier], Later, TimeSpan.FromDays(7));

        var error = Assert.Throws<InvalidOperationException>(() => asset.RecordPublication(Samples.Post(), conflicts, Later));

        Assert.Equal("The duplicate guard refused this publication.", error.Message);
        Assert.Single(asset.Publications);
    }

    [Fact]
    public void A_repurpose_with_a_reason_goes_past_an_earlier_live_post()
    {
        var asset = Samples.NewAsset();
        var earlier = Samples.Publish(asset);
        var conflicts = DuplicateGuard.Conflicts(asset, [earlier], Later, TimeSpan.FromDays(7));

        var repurposed = asset.RecordPublication(Samples.Post(repurposeReason: "Recut as a short"), conflicts, Later);

        Assert.Equal([earlier, repurposed], asset.Publications);
        Assert.Equal("Recut as a short", repurposed.RepurposeReason);
    }

    [Fact]
    public void An_archived_asset_refuses_every_publication_but_an_import_of_what_already_went_out()
    {
        var asset = Samples.NewAsset();
        asset.ChangeStatus(AssetStatus.Archived, Samples.Now);
        var conflicts = DuplicateGuard.Conflicts(asset, [], Later, TimeSpan.FromDays(7));

        Assert.Throws<InvalidOperationException>(() => asset.RecordPublication(Samples.Post(repurposeReason: "Recut"), conflicts, Later));
        var imported = asset.RecordPublication(Samples.Post(source: PublicationSource.Imported), conflicts, Later);

        Assert.Same(imported, Assert.Single(asset.Publications));
        Assert.Equal(AssetStatus.Archived, asset.Status);
        Assert.Equal(["youtube"], asset.LivePlatforms);
    }

    [Fact]
    public void Editing_a_caption_replaces_it_in_search_and_the_hashtags_in_the_summary()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset, Samples.Post(caption: "Golden hour", hashtags: ["sunset"]));

        Assert.True(asset.EditPublication(publication, "Blue hour", ["dusk"], Later));

        Assert.Equal(Samples.DetailsSearchText + "\nBlue hour", asset.SearchText);
        Assert.Equal(["dusk"], asset.LiveHashtags);
    }

    [Fact]
    public void An_edit_that_repeats_the_post_as_it_is_is_no_edit()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset, Samples.Post(caption: "Golden hour", hashtags: ["sunset"]));

        Assert.False(asset.EditPublication(publication, "Golden hour", ["sunset"], Later));
        Assert.Single(publication.Versions);
    }

    [Fact]
    public void Removing_a_post_takes_it_off_the_live_summary_but_keeps_its_caption_searchable()
    {
        var asset = Samples.NewAsset();
        var youtube = Samples.Publish(asset, Samples.Post("youtube", caption: "On YouTube", hashtags: ["sunset"]));
        Samples.Publish(asset, Samples.Post("instagram", caption: "On Instagram", hashtags: ["pier"]));

        Assert.True(asset.RemovePublication(youtube, Later, "Takedown request"));

        Assert.Equal(["instagram"], asset.LivePlatforms);
        Assert.Equal(["pier"], asset.LiveHashtags);
        Assert.Equal(Samples.DetailsSearchText + "\nOn YouTube\nOn Instagram", asset.SearchText);
        Assert.Equal(AssetStatus.Published, asset.Status);
    }

    [Fact]
    public void Removing_a_post_that_is_already_down_is_reported_as_nothing_new()
    {
        var asset = Samples.NewAsset();
        var publication = Samples.Publish(asset);
        asset.RemovePublication(publication, Later, "Takedown request");

        Assert.False(asset.RemovePublication(publication, Later.AddDays(1), "Again"));
    }
}
