using CreatorMeta.Contracts.Analytics.V1;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests.Grpc;

/// <summary>GetPerformance, as another service asks it: each asset's live posts with their latest numbers, within one workspace.</summary>
public sealed class PerformanceGrpcTests() : AnalyticsHost(grpc: true)
{
    private static readonly GrpcMethod<GetPerformanceRequest, GetPerformanceReply> GetPerformance =
        GrpcMethod<GetPerformanceRequest, GetPerformanceReply>.From(AnalyticsReflection.Descriptor.Services[0], "GetPerformance");

    private async Task<PublicationRecorded> PostAsync(string workspace, Guid asset, string platform, double? score)
    {
        var postId = Guid.NewGuid().ToString("N");
        var recorded = new PublicationRecorded(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), asset, platform, "@jamal", postId, null,
            DateTimeOffset.UtcNow.AddDays(-2), "manual", [], null);
        await Events.Publish(recorded);
        if (score is not null)
            await Events.Publish(new MetricsUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, recorded.PublicationId, platform, "@jamal", postId,
                DateTimeOffset.UtcNow, new Dictionary<string, double> { ["views"] = 1200, ["likes"] = 80 }, 0.066, "engagementRate.byViews = engagement / views",
                score, 1));
        return recorded;
    }

    [Fact]
    public async Task Each_assets_live_posts_come_with_their_numbers_and_nothing_of_another_workspace()
    {
        var (workspace, other) = (TestEnvironment.NewWorkspace(), TestEnvironment.NewWorkspace());
        var (clip, photo, theirs) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var scored = await PostAsync(workspace, clip, "tiktok", 0.7);
        var unscored = await PostAsync(workspace, clip, "instagram", null);
        var removed = await PostAsync(workspace, photo, "instagram", 0.4);
        await Events.Publish(new PublicationRemoved(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, removed.PublicationId, photo, "instagram", "@jamal",
            DateTimeOffset.UtcNow, "taken down"));
        await PostAsync(other, theirs, "tiktok", 0.9);
        var grpc = Service.CreateGrpcClient(workspace);
        var request = new GetPerformanceRequest { WorkspaceId = workspace, AssetIds = { clip.ToString(), photo.ToString(), theirs.ToString(), Guid.NewGuid().ToString() } };

        GetPerformanceReply reply = new();
        await HttpAssertions.EventuallyAsync(async () =>
        {
            reply = await grpc.CallAsync(GetPerformance, request);
            return reply.Assets.Count == 1 && reply.Assets[0].Posts.Count == 2 && reply.Assets[0].Posts.Any(p => p.HasScore);
        }, "the clip's posts projected, the photo's only post removed");

        var asset = Assert.Single(reply.Assets);
        Assert.Equal(clip.ToString(), asset.AssetId);
        var tiktok = asset.Posts.Single(p => p.PublicationId == scored.PublicationId.ToString());
        Assert.Equal((0.7, 0.066, 1200d), (tiktok.Score, tiktok.EngagementRate, tiktok.Metrics["views"]));
        var instagram = asset.Posts.Single(p => p.PublicationId == unscored.PublicationId.ToString());
        Assert.False(instagram.HasScore);
        Assert.Empty(instagram.Metrics);
    }

    [Fact]
    public async Task An_id_that_is_not_an_asset_id_is_refused()
    {
        var workspace = TestEnvironment.NewWorkspace();

        var refused = await Assert.ThrowsAsync<GrpcException>(() => Service.CreateGrpcClient(workspace).CallAsync(GetPerformance,
            new GetPerformanceRequest { WorkspaceId = workspace, AssetIds = { "not-a-guid" } }));

        Assert.Equal(GrpcStatusCode.InvalidArgument, refused.Status);
    }
}
