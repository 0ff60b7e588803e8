using System.Net;
using CreatorMeta.Contracts.Tracking.V1;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Resilience;
using CreatorMeta.Testing;
using Xunit;

namespace CreatorMeta.Tracking.Tests.Grpc;

[Collection(TrackingCollection.Name)]
public sealed class TrackingGrpcTests(TrackingFixture fixture)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = TrackingReflection.Descriptor.Services[0];
    private static readonly GrpcMethod<CheckPublicationRequest, CheckPublicationReply> CheckPublication = GrpcMethod<CheckPublicationRequest, CheckPublicationReply>.From(Service, "CheckPublication");
    private static readonly GrpcMethod<GetAssetsRequest, GetAssetsReply> GetAssets = GrpcMethod<GetAssetsRequest, GetAssetsReply>.From(Service, "GetAssets");

    private readonly string _workspace = TestEnvironment.NewWorkspace();
    private GrpcClient _grpc => fixture.Service.CreateGrpcClient(_workspace);

    [Fact]
    public async Task CheckPublication_allows_a_new_account_and_names_the_earlier_post_on_a_used_one()
    {
        var http = fixture.Service.CreateClient(_workspace);
        var asset = await (await http.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var earlier = await (await http.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication()))
            .JsonAsync(HttpStatusCode.Created);

        var used = await _grpc.CallAsync(CheckPublication, new CheckPublicationRequest
        {
            WorkspaceId = _workspace, AssetId = asset.Id(), Platform = "instagram", Account = "@jamal",
        });
        var fresh = await _grpc.CallAsync(CheckPublication, new CheckPublicationRequest
        {
            WorkspaceId = _workspace, AssetId = asset.Id(), Platform = "youtube", Account = "@jamal",
        });

        Assert.False(used.Allowed);
        var conflict = Assert.Single(used.Conflicts);
        Assert.Equal("already-published", conflict.Reason);
        Assert.Equal(earlier.Id(), conflict.PublicationId);
        Assert.True(fresh.Allowed);
        Assert.Empty(fresh.Conflicts);
    }

    [Fact]
    public async Task CheckPublication_of_an_unknown_or_foreign_asset_is_NOT_FOUND()
    {
        var theirs = await (await fixture.Service.CreateClient(TestEnvironment.NewWorkspace()).PostJsonAsync("/api/v1/assets", Requests.Asset()))
            .JsonAsync(HttpStatusCode.Created);

        var error = await Assert.ThrowsAsync<GrpcException>(() => _grpc.CallAsync(CheckPublication, new CheckPublicationRequest
        {
            WorkspaceId = _workspace, AssetId = theirs.Id(), Platform = "instagram", Account = "@jamal",
        }));

        Assert.Equal(GrpcStatusCode.NotFound, error.Status);
    }

    [Fact]
    public async Task CheckPublication_with_an_unknown_platform_is_INVALID_ARGUMENT()
    {
        var error = await Assert.ThrowsAsync<GrpcException>(() => _grpc.CallAsync(CheckPublication, new CheckPublicationRequest
        {
            WorkspaceId = _workspace, AssetId = Guid.NewGuid().ToString(), Platform = "myspace", Account = "@jamal",
        }));

        Assert.Equal(GrpcStatusCode.InvalidArgument, error.Status);
        Assert.Contains("myspace", error.Detail);
    }

    [Fact]
    public async Task GetAssets_returns_only_the_callers_own_assets()
    {
        var mine = await (await fixture.Service.CreateClient(_workspace).PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var theirs = await (await fixture.Service.CreateClient(TestEnvironment.NewWorkspace()).PostJsonAsync("/api/v1/assets", Requests.Asset()))
            .JsonAsync(HttpStatusCode.Created);

        var reply = await _grpc.CallAsync(GetAssets, new GetAssetsRequest { WorkspaceId = _workspace, AssetIds = { mine.Id(), theirs.Id() } });

        var asset = Assert.Single(reply.Assets);
        Assert.Equal(mine.Id(), asset.Id);
        Assert.Equal("draft", asset.Status);
    }

    [Fact]
    public async Task A_call_without_the_gateways_claim_or_for_another_workspace_is_refused()
    {
        var theirs = TestEnvironment.NewWorkspace();
        var anonymous = new GrpcClient(new HttpClient { BaseAddress = fixture.Service.GrpcAddress }, ResiliencePipelines.ForGrpc());

        var unauthenticated = await Assert.ThrowsAsync<GrpcException>(() =>
            anonymous.CallAsync(GetAssets, new GetAssetsRequest { WorkspaceId = theirs, AssetIds = { Guid.NewGuid().ToString() } }));
        var elsewhere = await Assert.ThrowsAsync<GrpcException>(() =>
            _grpc.CallAsync(GetAssets, new GetAssetsRequest { WorkspaceId = theirs, AssetIds = { Guid.NewGuid().ToString() } }));

        Assert.Equal(GrpcStatusCode.Unauthenticated, unauthenticated.Status);
        Assert.Equal(GrpcStatusCode.PermissionDenied, elsewhere.Status);
    }
}
