using CreatorMeta.Analytics.Apis;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Analytics.V1;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Problems;
using Google.Protobuf.WellKnownTypes;

namespace CreatorMeta.Analytics.Grpc;

/// <summary>The creatormeta.analytics.v1.Analytics service (Protos/analytics.proto).</summary>
public static class AnalyticsGrpcService
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = AnalyticsReflection.Descriptor.Services[0];
    public static readonly GrpcMethod<GetBestTimesRequest, GetBestTimesReply> GetBestTimesMethod = GrpcMethod<GetBestTimesRequest, GetBestTimesReply>.From(Service, "GetBestTimes");
    public static readonly GrpcMethod<GetPerformanceRequest, GetPerformanceReply> GetPerformanceMethod = GrpcMethod<GetPerformanceRequest, GetPerformanceReply>.From(Service, "GetPerformance");

    public static IEndpointRouteBuilder MapAnalyticsGrpc(this IEndpointRouteBuilder app)
    {
        app.MapGrpcUnary(GetBestTimesMethod, GetBestTimes);
        app.MapGrpcUnary(GetPerformanceMethod, GetPerformance);
        app.MapGrpcUnimplementedFallback();
        return app;
    }

    public static async Task<GetBestTimesReply> GetBestTimes(GetBestTimesRequest request, GrpcCallContext call)
    {
        var workspace = call.RequireWorkspace(request.WorkspaceId);
        // The same rules as the REST route's, and the platform is required: best times are per platform.
        var (scope, _, errors) = new AnalysisQuery(request.Platform, request.Account.Length == 0 ? null : request.Account, null, null, null)
            .Validate(workspace);
        if (errors.Count > 0 || scope?.Platform is null)
            throw new GrpcException(GrpcStatusCode.InvalidArgument, errors.Count > 0 ? string.Join(" ", errors.Values.SelectMany(e => e)) : "Platform " + Platforms.MustBeOneOf);
        var estimate = (await call.GetRequiredService<WorkspaceCache<WorkspacePosts>>().CopyAsync(workspace, call.CancellationToken)).BestTimes(scope);
        var reply = new GetBestTimesReply { Basis = estimate.Basis, Posts = estimate.Slots.Sum(s => s.Posts) };
        reply.Slots.AddRange(estimate.Ranked().Select(s => new BestTimeSlot
        {
            Weekday = (int)s.Weekday, Hour = s.Hour, Posts = s.Posts, Estimate = s.Estimate, Low = s.Low, High = s.High, Prior = s.Prior, Weight = s.Weight,
        }));
        return reply;
    }

    public static async Task<GetPerformanceReply> GetPerformance(GetPerformanceRequest request, GrpcCallContext call)
    {
        var workspace = call.RequireWorkspace(request.WorkspaceId);
        if (request.AssetIds.Count > AssetPosts.MaxAssets)
            throw new GrpcException(GrpcStatusCode.InvalidArgument, $"At most {AssetPosts.MaxAssets} asset ids per call.");
        var ids = request.AssetIds.Select(id => Guid.TryParse(id, out var guid) ? guid
            : throw new GrpcException(GrpcStatusCode.InvalidArgument, $"'{id}' is not an asset id.")).Distinct().ToArray();
        var posts = await call.GetRequiredService<AnalyticsDb>().PerformanceAsync(workspace, ids, call.CancellationToken);
        var reply = new GetPerformanceReply();
        foreach (var asset in posts.GroupBy(p => p.AssetId))
        {
            var performance = new AssetPerformance { AssetId = asset.Key.ToString() };
            foreach (var p in asset)
            {
                var post = new PostPerformance
                {
                    PublicationId = p.PublicationId.ToString(), Platform = p.Platform, Account = p.Account,
                    PublishedAt = Timestamp.FromDateTimeOffset(p.PublishedAt), EngagementRateDefinition = p.EngagementRateDefinition ?? "",
                };
                if (p.Score is { } score)
                    post.Score = score;
                if (p.EngagementRate is { } rate)
                    post.EngagementRate = rate;
                foreach (var (name, value) in p.Metrics)
                    post.Metrics[name] = value;
                performance.Posts.Add(post);
            }
            reply.Assets.Add(performance);
        }
        return reply;
    }
}
