using CreatorMeta.Testing;
using static CreatorMeta.MetricsIngestion.Tests.MetricsFixture;

namespace CreatorMeta.MetricsIngestion.Tests.Resolution;

[Collection(MetricsCollection.Name)]
public sealed class PoisonPostTests(MetricsFixture fixture)
{
    [Fact]
    public async Task A_post_that_cannot_be_resolved_does_not_hold_up_the_posts_behind_it()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        // A stored reading no code path writes (its metrics are not an object), as a bug or a hand edit could leave one.
        await TestDatabase.ExecuteAsync(fixture.Service.DatabaseConnectionString, $"""
            INSERT INTO raw_observations (workspace_id, platform, account, external_post_id, observed_at, source, source_event_id, metrics)
            VALUES ('{workspace}', 'tiktok', '@jamal', 'poison', now() - interval '1 day', 'api', 'poison-1', '[1]');
            INSERT INTO posts (workspace_id, platform, external_post_id, account) VALUES ('{workspace}', 'tiktok', 'poison', '@jamal');
            INSERT INTO resolution_queue (workspace_id, platform, external_post_id) VALUES ('{workspace}', 'tiktok', 'poison');
            """);

        try
        {
            await UploadAsync(client, Observation("tiktok", "healthy", DateTimeOffset.UtcNow.AddHours(-2), "api", new { like_count = 4 }));

            await HttpAssertions.EventuallyAsync(async () =>
            {
                var response = await client.GetAsync("/api/v1/metrics/posts/tiktok/healthy");
                return response.IsSuccessStatusCode && (await response.JsonAsync(System.Net.HttpStatusCode.OK)).GetProperty("status").GetString() == "resolved";
            }, "the healthy post resolved past the poison one");
            var poison = await (await client.GetAsync("/api/v1/metrics/posts/tiktok/poison")).JsonAsync(System.Net.HttpStatusCode.OK);
            Assert.Equal("pending", poison.GetProperty("status").GetString());
        }
        finally
        {
            // The service under test is shared by this collection: the poison goes, so later tests run on a clean queue.
            await TestDatabase.ExecuteAsync(fixture.Service.DatabaseConnectionString,
                $"DELETE FROM resolution_queue WHERE workspace_id = '{workspace}'; DELETE FROM raw_observations WHERE workspace_id = '{workspace}'");
        }
    }
}
