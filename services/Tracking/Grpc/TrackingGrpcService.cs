using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Tracking.V1;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Tracking.Grpc;

/// <summary>The creatormeta.tracking.v1.Tracking service (Protos/tracking.proto).</summary>
public static class TrackingGrpcService
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = TrackingReflection.Descriptor.Services[0];
    public static readonly GrpcMethod<CheckPublicationRequest, CheckPublicationReply> CheckPublicationMethod = GrpcMethod<CheckPublicationRequest, CheckPublicationReply>.From(Service, "CheckPublication");
    public static readonly GrpcMethod<GetAssetsRequest, GetAssetsReply> GetAssetsMethod = GrpcMethod<GetAssetsRequest, GetAssetsReply>.From(Service, "GetAssets");

    public static IEndpointRouteBuilder MapTrackingGrpc(this IEndpointRouteBuilder app)
    {
        app.MapGrpcUnary(CheckPublicationMethod, CheckPublication);
        app.MapGrpcUnary(GetAssetsMethod, GetAssets);
        app.MapGrpcUnimplementedFallback();
        return app;
    }

    public static async Task<CheckPublicationReply> CheckPublication(CheckPublicationRequest request, GrpcCallContext call)
    {
        var workspace = call.RequireWorkspace(request.WorkspaceId);
        var platform = Platforms.Normalize(request.Platform)
            ?? throw new GrpcException(GrpcStatusCode.InvalidArgument, $"Unknown platform '{request.Platform}'.");
        var account = AccountHandles.Normalize(request.Account)
            ?? throw new GrpcException(GrpcStatusCode.InvalidArgument, AccountHandles.Requirement);
        if (!Guid.TryParse(request.AssetId, out var assetId))
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "asset_id is not an asset id.");

        var db = call.GetRequiredService<TrackingDb>();
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId && a.WorkspaceId == workspace, call.CancellationToken)
            ?? throw new GrpcException(GrpcStatusCode.NotFound, $"No asset '{request.AssetId}' in this workspace.");
        var options = call.GetRequiredService<IOptions<TrackingOptions>>().Value;
        var now = call.GetRequiredService<TimeProvider>().GetUtcNow();
        var conflicts = await db.GuardConflictsAsync(asset, platform, account, options, now, call.CancellationToken);

        var reply = new CheckPublicationReply { Allowed = conflicts.Count == 0 };
        reply.Conflicts.AddRange(conflicts.Select(c => new PublicationConflict
        {
            Reason = c.Reason,
            Detail = c.Detail,
            AssetId = (c.Earlier?.AssetId ?? asset.Id).ToString(),
            PublicationId = c.Earlier?.Id.ToString() ?? "",
            ExternalPostId = c.Earlier?.ExternalPostId ?? "",
            PostUrl = c.Earlier?.PostUrl ?? "",
            PublishedAt = c.Earlier is { } p ? Timestamp.FromDateTimeOffset(p.PublishedAt) : null,
        }));
        return reply;
    }

    public static async Task<GetAssetsReply> GetAssets(GetAssetsRequest request, GrpcCallContext call)
    {
        var workspace = call.RequireWorkspace(request.WorkspaceId);
        if (request.AssetIds.Count > 1000)
            throw new GrpcException(GrpcStatusCode.InvalidArgument, "At most 1000 ids per call.");
        var ids = request.AssetIds.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();
        var db = call.GetRequiredService<TrackingDb>();
        var assets = await db.Assets.AsNoTracking().Where(a => a.WorkspaceId == workspace && ids.Contains(a.Id)).ToListAsync(call.CancellationToken);
        var reply = new GetAssetsReply();
        reply.Assets.AddRange(assets.Select(a => new AssetSummary
        {
            Id = a.Id.ToString(),
            Title = a.Title,
            Kind = a.Kind.ToString().ToLowerInvariant(),
            Status = a.Status.ToString().ToLowerInvariant(),
            ContentHash = a.ContentHash ?? "",
            Topics = { a.Topics },
        }));
        return reply;
    }
}
