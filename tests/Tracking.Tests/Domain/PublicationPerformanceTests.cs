using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Tests.Domain;

public sealed class PublicationPerformanceTests
{
    private static readonly Guid PublicationId = Guid.Parse("0197a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_publication_without_readings_has_no_numbers()
    {
        var performance = PublicationPerformance.Start(PublicationId, "ws-1");

        Assert.Equal(PublicationId, performance.PublicationId);
        Assert.Equal("ws-1", performance.WorkspaceId);
        Assert.Empty(performance.Metrics);
        Assert.Null(performance.EngagementRate);
        Assert.Null(performance.Score);
        Assert.Equal(DateTimeOffset.MinValue, performance.ObservedAt);
    }

    [Fact]
    public void The_first_reading_is_taken_and_kept_as_it_arrived()
    {
        var performance = PublicationPerformance.Start(PublicationId, "ws-1");
        var metrics = new Dictionary<string, double> { ["views"] = 1200, ["likes"] = 85 };

        Assert.True(performance.Update(metrics, 0.071, 64.5, Noon));
        metrics["views"] = 0;

        Assert.Equal(new Dictionary<string, double> { ["views"] = 1200, ["likes"] = 85 }, performance.Metrics);
        Assert.Equal(0.071, performance.EngagementRate);
        Assert.Equal(64.5, performance.Score);
        Assert.Equal(Noon, performance.ObservedAt);
    }

    [Fact]
    public void An_older_reading_arriving_late_does_not_overwrite_a_newer_one()
    {
        var performance = PublicationPerformance.Start(PublicationId, "ws-1");
        performance.Update(new Dictionary<string, double> { ["views"] = 1200 }, 0.071, 64.5, Noon);

        Assert.False(performance.Update(new Dictionary<string, double> { ["views"] = 900 }, 0.05, 40, Noon.AddHours(-1)));

        Assert.Equal(1200d, performance.Metrics["views"]);
        Assert.Equal(0.071, performance.EngagementRate);
        Assert.Equal(64.5, performance.Score);
        Assert.Equal(Noon, performance.ObservedAt);
    }

    [Fact]
    public void A_reading_observed_at_the_same_moment_replaces_the_previous_one()
    {
        var performance = PublicationPerformance.Start(PublicationId, "ws-1");
        performance.Update(new Dictionary<string, double> { ["views"] = 1200 }, 0.071, 64.5, Noon);

        Assert.True(performance.Update(new Dictionary<string, double> { ["views"] = 1250 }, null, null, Noon));

        Assert.Equal(1250d, performance.Metrics["views"]);
        Assert.Null(performance.EngagementRate);
        Assert.Null(performance.Score);
    }

    [Fact]
    public void Counted_events_are_ordered_by_revision_even_when_the_observation_time_did_not_move()
    {
        var performance = PublicationPerformance.Start(PublicationId, "ws-1");
        performance.Update(new Dictionary<string, double> { ["views"] = 1200 }, 0.071, 0.9, Noon, revision: 2);

        // Revision 1 said the same numbers before the baseline grew and rescored the post: arriving late, it loses.
        Assert.False(performance.Update(new Dictionary<string, double> { ["views"] = 1200 }, 0.071, null, Noon, revision: 1));
        Assert.Equal((0.9, 2L), (performance.Score!.Value, performance.Revision));
        Assert.True(performance.Update(new Dictionary<string, double> { ["views"] = 1300 }, 0.07, 0.8, Noon, revision: 3));
        Assert.Equal((0.8, 3L), (performance.Score!.Value, performance.Revision));
        // An uncounted event (from before revisions) does not displace a counted one.
        Assert.False(performance.Update(new Dictionary<string, double> { ["views"] = 1400 }, 0.07, 0.7, Noon.AddHours(1)));
    }
}
