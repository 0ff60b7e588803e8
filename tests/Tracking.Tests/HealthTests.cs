using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests;

[Collection(TrackingCollection.Name)]
public sealed class HealthTests(TrackingFixture fixture)
{
    [Fact]
    public async Task Readiness_checks_the_database_and_the_broker_and_liveness_only_the_process()
    {
        var client = fixture.Service.CreateClient();

        var ready = await (await client.GetAsync("/health")).JsonAsync(HttpStatusCode.OK);
        var alive = await (await client.GetAsync("/alive")).JsonAsync(HttpStatusCode.OK);

        var checks = ready.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("masstransit-bus").GetProperty("status").GetString());
        Assert.Equal(["self"], alive.GetProperty("checks").EnumerateObject().Select(c => c.Name));
    }
}
