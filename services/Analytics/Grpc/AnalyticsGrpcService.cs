using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Analytics.V1;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Problems;

namespace CreatorMeta.Analytics.Grpc;

/// <summary>The creatormeta.analytics.v1.Analytics service (Protos/analytics.proto).</summary>
public static class AnalyticsGrpcService
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = AnalyticsReflection.Descriptor.Services[0];
    public static readonly GrpcMethod<GetBestTimesRequest, GetBestTimesReply> GetBestTimesMethod = GrpcMethod<GetBestTimesRequest, GetBestTimesReply>.From(Service, "GetBestTimes");

    public static IEndpointRouteBuilder MapAnalyticsGrpc(this IEndpointRouteBuilder app)
    {
        app.MapGrpcUnary(GetBestTimesMethod, GetBestTimes);
        app.MapGrpcUnimplementedFallback();
        return app;
    }

    public static async Task<GetBestTimesReply> GetBestTimes(GetBestTimesRequest request, GrpcCallContext call)
    {
        var workspace = call.RequireWorkspace(request.WorkspaceId);
        var platform = Platforms.Normalize(request.Platform)
            ?? throw new GrpcException(GrpcStatusCode.InvalidArgument, $"Unknown platform '{request.Platform}'.");
        var account = request.Account.Length == 0 ? null
            : AccountHandles.Normalize(request.Account) is { } handle && StorableText.IsStorable(handle) ? handle
            : throw new GrpcException(GrpcStatusCode.InvalidArgument, AccountHandles.Requirement);
        var estimate = await call.GetRequiredService<AnalyticsDb>().BestTimesAsync(new AnalysisScope(workspace, platform, account, null, null),
            call.CancellationToken);
        var reply = new GetBestTimesReply { Basis = estimate.Basis, Posts = estimate.Slots.Sum(s => s.Posts) };
        reply.Slots.AddRange(estimate.Ranked().Select(s => new BestTimeSlot
        {
            Weekday = (int)s.Weekday, Hour = s.Hour, Posts = s.Posts, Estimate = s.Estimate, Low = s.Low, High = s.High, Prior = s.Prior, Weight = s.Weight,
        }));
        return reply;
    }
}
