using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.MetricsIngestion.Tests.Apis;

[Collection(MetricsCollection.Name)]
public sealed class ObservationUploadTests(MetricsFixture fixture)
{
    private static object Item(string sourceEventId, string platform = "instagram") => new
    {
        platform,
        account = "@jamal",
        externalPostId = "C1a2b3",
        observedAt = "2026-11-19T08:00:00Z",
        source = "csv",
        sourceEventId,
        metrics = new { likes = 120, comments = 4, views = "1.2K" },
    };

    [Fact]
    public async Task A_batch_reports_each_item_and_stores_only_the_valid_new_ones()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        await (await client.PostJsonAsync("/api/v1/metrics/observations", new { observations = new[] { Item("row-1") } })).JsonAsync(HttpStatusCode.Accepted);

        var result = await (await client.PostJsonAsync("/api/v1/metrics/observations", new
        {
            observations = new[] { Item("row-1"), Item("row-2"), Item("row-3", platform: "myspace") },
        })).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(1, result.GetProperty("stored").GetInt32());
        Assert.Equal(1, result.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, result.GetProperty("rejected").GetInt32());
        var rejected = result.GetProperty("results")[2];
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.True(rejected.GetProperty("errors").TryGetProperty("platform", out _));
        Assert.Equal(2, await fixture.StoredAsync(workspace));
    }

    [Fact]
    public async Task An_empty_batch_is_a_validation_problem()
    {
        var workspace = TestEnvironment.NewWorkspace();

        await (await fixture.Service.CreateClient(workspace).PostJsonAsync("/api/v1/metrics/observations", new { observations = Array.Empty<object>() }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(0, await fixture.StoredAsync(workspace));
    }
}
