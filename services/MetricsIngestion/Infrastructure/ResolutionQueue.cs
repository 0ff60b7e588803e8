namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// The one way a post is marked for resolution: a row in <c>resolution_queue</c> (migration 0005). Marking takes no lock
/// on the post, so nothing that marks waits for the resolution worker and no mark is lost while a post is being resolved.
/// </summary>
public static class ResolutionQueue
{
    /// <summary>SQL that queues every post a query of (workspace_id, platform, external_post_id) returns.</summary>
    public static string Mark(string selectPosts) =>
        $"INSERT INTO resolution_queue (workspace_id, platform, external_post_id) {selectPosts}";

    /// <summary>Whether a post (aliased <c>p</c>) waits to be resolved.</summary>
    public const string IsQueued = """
        EXISTS (SELECT 1 FROM resolution_queue q
                WHERE q.workspace_id = p.workspace_id AND q.platform = p.platform AND q.external_post_id = p.external_post_id)
        """;
}
