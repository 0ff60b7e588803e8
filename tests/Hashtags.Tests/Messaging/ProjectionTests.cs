using System.Net;
using CreatorMeta.Contracts.Metrics;
using CreatorMeta.Contracts.Tracking;
using CreatorMeta.Testing;

namespace CreatorMeta.Hashtags.Tests.Messaging;

/// <summary>Tracking's events arrive on separate queues, in any order and sometimes twice; the tags a post carries end up the same.</summary>
public sealed class ProjectionTests : HashtagsHost
{
    [Fact]
    public async Task An_edit_before_its_recording_a_duplicate_and_a_removal_leave_each_post_with_its_latest_tags_once_and_a_removed_post_out()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = Service.CreateClient(workspace);
        var (asset, kept, removed) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var at = new DateTimeOffset(2026, 10, 1, 18, 0, 0, TimeSpan.Zero);
        PublicationRecorded Recorded(Guid id, string postId) => new(Guid.NewGuid(), workspace, at, id, asset, "x", "@Jamal", postId, null, at, "manual",
            ["#Sunset🌅"], null, "Golden hour #GoldenHour");
        var keptRecorded = Recorded(kept, "p1");

        // The edit (version 2) is applied first; the recording (version 1) after it must not undo it, and comes twice.
        await Events.Publish(new PublicationEdited(Guid.NewGuid(), workspace, at, kept, asset, "x", "@jamal", 2, "Now with #Café", ["#Pier"]));
        await HttpAssertions.EventuallyAsync(async () => await TestDatabase.ScalarAsync<long>(Service.DatabaseConnectionString,
            "SELECT count(*) FROM tagged_posts WHERE publication_id = $1 AND version = 2", kept) == 1, "the edit applied");
        await Events.Publish(keptRecorded);
        await Events.Publish(keptRecorded);
        await Events.Publish(Recorded(removed, "p2"));
        await Events.Publish(new AssetRegistered(Guid.NewGuid(), workspace, at, asset, "clip", "video", null, [], [], "reel"));
        foreach (var (id, postId) in new[] { (kept, "p1"), (removed, "p2") })
            await Events.Publish(new MetricsUpdated(Guid.NewGuid(), workspace, at, id, "x", "@jamal", postId, at, new Dictionary<string, double>(), null, null, 0.5, 1));
        await Events.Publish(new PublicationRemoved(Guid.NewGuid(), workspace, at, removed, asset, "x", "@jamal", at.AddDays(1), "deleted"));

        // Both posts scored and the second removed, so the dataset leaving it out is the removal, not a score still on its way.
        await HttpAssertions.EventuallyAsync(async () => await TestDatabase.ScalarAsync<long>(Service.DatabaseConnectionString, """
            SELECT (SELECT count(*) FROM post_scores WHERE workspace_id = $1 AND external_post_id IN ('p1', 'p2'))
                 + (SELECT count(*) FROM tagged_posts WHERE publication_id = $2 AND removed_at IS NOT NULL)
            """, workspace, removed) == 3, "both scores and the removal applied");
        string[] rows = [];
        await HttpAssertions.EventuallyAsync(async () =>
        {
            rows = (await (await client.GetAsync("/api/v1/hashtags/dataset.csv")).Content.ReadAsStringAsync())
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
            return rows.Length == 1 && rows[0].Contains(",reel,");
        }, "the kept post alone, with its asset's format");
        var post = rows[0].Split(',');
        Assert.Equal(kept.ToString(), post[0]);
        Assert.Equal("@jamal", post[3]);
        Assert.Equal("pier|café", post[^1]); // the edit's tags, listed and from its caption; on X, emoji end a tag
    }
}
