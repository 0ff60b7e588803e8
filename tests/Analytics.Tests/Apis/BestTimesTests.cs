using System.Net;
using CreatorMeta.Contracts.Analytics.V1;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.Testing;
using MassTransit;

namespace CreatorMeta.Analytics.Tests.Apis;

/// <summary>Best times over REST and over gRPC (as the calendar asks), in the account's own time zone.</summary>
public sealed class BestTimesTests() : AnalyticsHost(grpc: true)
{
    private static readonly GrpcMethod<GetBestTimesRequest, GetBestTimesReply> GetBestTimes =
        GrpcMethod<GetBestTimesRequest, GetBestTimesReply>.From(AnalyticsReflection.Descriptor.Services[0], "GetBestTimes");

    private async Task PostAsync(string workspace, DateTimeOffset publishedAt, double score)
    {
        var postId = Guid.NewGuid().ToString("N");
        var recorded = new PublicationRecorded(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), "youtube", "@jamal",
            postId, null, publishedAt, "manual", [], null);
        await Events.Publish(recorded);
        await Events.Publish(new MetricsUpdated(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, recorded.PublicationId, "youtube", "@jamal", postId,
            DateTimeOffset.UtcNow, new Dictionary<string, double> { ["views"] = 100 }, null, null, score, 1));
    }

    [Fact]
    public async Task The_creators_own_Sunday_mornings_outrank_the_researchs_Wednesday_afternoon_in_their_zone_over_REST_and_gRPC()
    {
        var workspace = TestEnvironment.NewWorkspace();
        await Events.Publish(new AccountRegistered(Guid.NewGuid(), workspace, DateTimeOffset.UtcNow, Guid.NewGuid(), "youtube", "@jamal", "Europe/Berlin"));
        // Twelve Sundays at 09:00 and twelve Wednesdays at 16:00 in Berlin's winter time (UTC+1), from 4 January 2026.
        var firstSunday = new DateTimeOffset(2026, 1, 4, 8, 0, 0, TimeSpan.Zero);
        for (var week = 0; week < 12; week++)
        {
            await PostAsync(workspace, firstSunday.AddDays(7 * week), 0.85 + week % 3 * 0.05);
            await PostAsync(workspace, firstSunday.AddDays(7 * week + 3).AddHours(7), 0.2 + week % 3 * 0.05);
        }
        var client = Service.CreateClient(workspace);
        System.Text.Json.JsonElement best = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            best = await (await client.GetAsync("/api/v1/analytics/best-times?platform=YouTube&account=jamal")).JsonAsync(HttpStatusCode.OK);
            return best.GetProperty("posts").GetInt32() == 24 && best.GetProperty("best")[0].GetProperty("weekday").GetString() == "sunday"
                && best.GetProperty("best")[0].GetProperty("hour").GetInt32() == 9;
        }, "every post projected in the account's zone");

        var top = best.GetProperty("best")[0];
        Assert.Equal((9, 12), (top.GetProperty("hour").GetInt32(), top.GetProperty("posts").GetInt32()));
        Assert.True(top.GetProperty("weight").GetDouble() > 0.5 && top.GetProperty("low").GetDouble() < top.GetProperty("estimate").GetDouble());
        var wednesday = best.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("weekday").GetString() == "wednesday" && s.GetProperty("hour").GetInt32() == 16);
        Assert.True(wednesday.GetProperty("estimate").GetDouble() < wednesday.GetProperty("prior").GetDouble());

        var reply = await Service.CreateGrpcClient(workspace).CallAsync(GetBestTimes,
            new GetBestTimesRequest { WorkspaceId = workspace, Platform = "youtube", Account = "@jamal" });
        Assert.Equal(168, reply.Slots.Count);
        Assert.Equal((0, 9, 12, 24), (reply.Slots[0].Weekday, reply.Slots[0].Hour, reply.Slots[0].Posts, reply.Posts));
        Assert.Equal(top.GetProperty("estimate").GetDouble(), reply.Slots[0].Estimate, 12);
    }

    [Fact]
    public async Task Best_times_are_asked_per_platform_and_a_wrong_one_is_refused_over_REST_and_gRPC()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var problem = await (await Service.CreateClient(workspace).GetAsync("/api/v1/analytics/best-times")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("platform", out _));

        var refused = await Assert.ThrowsAsync<GrpcException>(() => Service.CreateGrpcClient(workspace).CallAsync(GetBestTimes,
            new GetBestTimesRequest { WorkspaceId = workspace, Platform = "myspace" }));
        Assert.Equal(GrpcStatusCode.InvalidArgument, refused.Status);
    }
}
