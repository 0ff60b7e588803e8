using CreatorMeta.Testing;

namespace CreatorMeta.Analytics.Tests.Messaging;

/// <summary>
/// Outbox and inbox rows are deleted once past their retention, which every service with a database runs (analytics
/// here, whose inbox grows with every event it projects). Retentions of an hour and two stand in for days.
/// </summary>
public sealed class MessageRetentionTests : IAsyncLifetime
{
    private ServiceHost _analytics = null!;

    public async Task InitializeAsync() =>
        _analytics = await ServiceHost.StartAsync("analytics", "services/Analytics/CreatorMeta.Analytics.csproj", project =>
        {
            project.Environment["Messaging__OutboxRetention"] = "01:00:00";
            project.Environment["Messaging__InboxRetention"] = "02:00:00";
            project.Environment["Messaging__RetentionInterval"] = "00:00:01";
            // Smaller than the backlog below, so the pass has to go round in batches.
            project.Environment["Messaging__RetentionBatchSize"] = "2";
        });

    public async Task DisposeAsync() => await _analytics.DisposeAsync();

    [Fact]
    public async Task Rows_past_their_retention_are_deleted_in_batches_and_recent_pending_and_parked_ones_stay()
    {
        var expiredOutbox = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var recentOutbox = Guid.NewGuid();
        var pendingOutbox = Guid.NewGuid();
        var parkedOutbox = Guid.NewGuid();
        var expiredInbox = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var keptInbox = Guid.NewGuid().ToString();
        var dispatched = string.Join(",\n", expiredOutbox.Select(id => Outbox(id, occurredHoursAgo: 3, dispatchedHoursAgo: 2)));
        var processed = string.Join(",\n", expiredInbox.Select(id => $"('{id}', 'RetentionTest', now() - interval '3 hours')"));
        await TestDatabase.ExecuteAsync(_analytics.DatabaseConnectionString, $"""
            INSERT INTO outbox_messages (id, message_type, body, occurred_at, next_attempt_at, dispatched_at, parked_at) VALUES
                {dispatched},
                {Outbox(recentOutbox, occurredHoursAgo: 1, dispatchedHoursAgo: 0.5)},
                {Outbox(pendingOutbox, occurredHoursAgo: 72)},
                {Outbox(parkedOutbox, occurredHoursAgo: 72, parked: true)};
            INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES
                {processed},
                ('{keptInbox}', 'RetentionTest', now() - interval '90 minutes');
            """);

        await HttpAssertions.EventuallyAsync(async () => await CountAsync("outbox_messages", "id = ANY($1)", expiredOutbox) == 0
            && await CountAsync("inbox_messages", "message_id = ANY($1)", expiredInbox) == 0, "expired outbox and inbox rows deleted");

        // The pass that deleted those looked at these too: dispatched within the outbox's hour, never dispatched, or
        // processed within the inbox's two hours.
        Assert.Equal(3L, await CountAsync("outbox_messages", "id = ANY($1)", new[] { recentOutbox, pendingOutbox, parkedOutbox }));
        Assert.Equal(1L, await CountAsync("inbox_messages", "message_id = $1", keptInbox));
    }

    /// <summary>A row of VALUES for outbox_messages: dispatched so many hours ago, or pending, or parked.</summary>
    private static string Outbox(Guid id, int occurredHoursAgo, double? dispatchedHoursAgo = null, bool parked = false)
    {
        var dispatched = dispatchedHoursAgo is { } hours ? $"now() - interval '{hours} hours'" : "NULL";
        var parkedAt = parked ? "now() - interval '1 hour'" : "NULL";
        return $"('{id}', 'CreatorMeta.Test.Event, CreatorMeta.Test', '[]', now() - interval '{occurredHoursAgo} hours', "
            + $"now() - interval '{occurredHoursAgo} hours', {dispatched}, {parkedAt})";
    }

    private Task<long> CountAsync(string table, string condition, object value) =>
        TestDatabase.ScalarAsync<long>(_analytics.DatabaseConnectionString, $"SELECT count(*) FROM {table} WHERE {condition}", value);
}
