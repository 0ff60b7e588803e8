using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class AssetLifecycleTests
{
    private const string OnlyByRecording = "An asset becomes published by recording a publication.";
    private const string NothingWasPublished = "An asset with no publications is restored to draft or approved, not published.";
    private const string BackToPublished = "An asset that has been published is restored to published.";

    [Theory]
    [InlineData(AssetStatus.Draft, AssetStatus.Draft, false, null)]
    [InlineData(AssetStatus.Draft, AssetStatus.Approved, false, null)]
    [InlineData(AssetStatus.Draft, AssetStatus.Archived, false, null)]
    [InlineData(AssetStatus.Approved, AssetStatus.Draft, false, null)]
    [InlineData(AssetStatus.Approved, AssetStatus.Archived, false, null)]
    [InlineData(AssetStatus.Published, AssetStatus.Archived, true, null)]
    [InlineData(AssetStatus.Archived, AssetStatus.Draft, false, null)]
    [InlineData(AssetStatus.Archived, AssetStatus.Approved, false, null)]
    [InlineData(AssetStatus.Archived, AssetStatus.Published, true, null)]
    [InlineData(AssetStatus.Draft, AssetStatus.Published, false, OnlyByRecording)]
    [InlineData(AssetStatus.Approved, AssetStatus.Published, true, OnlyByRecording)]
    [InlineData(AssetStatus.Archived, AssetStatus.Published, false, NothingWasPublished)]
    [InlineData(AssetStatus.Archived, AssetStatus.Draft, true, BackToPublished)]
    [InlineData(AssetStatus.Archived, AssetStatus.Approved, true, BackToPublished)]
    [InlineData(AssetStatus.Published, AssetStatus.Draft, true, "An asset cannot go from published to draft.")]
    [InlineData(AssetStatus.Published, AssetStatus.Approved, true, "An asset cannot go from published to approved.")]
    public void Each_status_change_is_allowed_or_refused_with_a_reason(AssetStatus from, AssetStatus to, bool hasPublications, string? refusal) =>
        Assert.Equal(refusal, AssetLifecycle.Refusal(from, to, hasPublications));

    [Theory]
    [InlineData(AssetStatus.Draft, "draft")]
    [InlineData(AssetStatus.Approved, "approved")]
    [InlineData(AssetStatus.Published, "published")]
    [InlineData(AssetStatus.Archived, "archived")]
    public void A_status_is_named_in_lower_case(AssetStatus status, string name) => Assert.Equal(name, AssetLifecycle.Name(status));
}
