using CreatorMeta.Contracts.Tracking.V1;
using CreatorMeta.ServiceDefaults.Grpc;

namespace CreatorMeta.Calendar.Grpc;

/// <summary>What the calendar asks the publication ledger, over creatormeta.tracking.v1.Tracking.</summary>
public sealed class TrackingClient(GrpcClient grpc)
{
    private static readonly GrpcMethod<CheckPublicationRequest, CheckPublicationReply> CheckPublicationMethod =
        GrpcMethod<CheckPublicationRequest, CheckPublicationReply>.From(TrackingReflection.Descriptor.Services[0], "CheckPublication");

    /// <summary>Every reason the asset may not go out on this account; null when tracking does not know the asset.</summary>
    public async Task<IReadOnlyList<PublicationConflict>?> CheckPublicationAsync(
        string workspaceId, Guid assetId, string platform, string account, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await grpc.CallAsync(CheckPublicationMethod, new CheckPublicationRequest
            {
                WorkspaceId = workspaceId,
                AssetId = assetId.ToString(),
                Platform = platform,
                Account = account,
            }, cancellationToken: cancellationToken);
            return reply.Conflicts;
        }
        catch (GrpcException e) when (e.Status == GrpcStatusCode.NotFound)
        {
            return null;
        }
    }
}
