using System.Net;
using System.Net.Http.Headers;
using CreatorMeta.Testing;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>An operator sees and re-drives parked outbox messages through the gateway, with the administration key only.</summary>
[Collection(SystemCollection.Name)]
public sealed class OperationsTests(AppHostProcess system)
{
    private HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = system.Gateway };
        if (key is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task Parked_outbox_messages_are_reached_with_the_administration_key_only()
    {
        var admin = Client(AppHostProcess.AdminKey);

        var parked = await (await admin.GetAsync("/admin/services/tracking/outbox/parked")).JsonAsync(HttpStatusCode.OK);
        var unknown = await (await admin.PostAsync($"/admin/services/calendar/outbox/parked/{Guid.NewGuid()}/redrive", null))
            .ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(0, parked.GetProperty("total").GetInt32());
        Assert.Equal("Parked outbox message not found", unknown.GetProperty("title").GetString());
        await (await admin.GetAsync("/admin/services/analytics-or-anything/outbox/parked")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Client(AppHostProcess.DevKey).GetAsync("/admin/services/tracking/outbox/parked")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await Client(null).GetAsync("/admin/services/tracking/outbox/parked")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
