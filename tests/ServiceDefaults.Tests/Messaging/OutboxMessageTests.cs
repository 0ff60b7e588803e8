using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.ServiceDefaults.Tests.Messaging;

public sealed class OutboxMessageTests
{
    private sealed record SomethingHappened(Guid EventId, string What);

    [Fact]
    public void An_event_round_trips_through_the_outbox_as_its_own_type()
    {
        var happened = new SomethingHappened(Guid.NewGuid(), "published");
        var message = OutboxMessage.For(happened.EventId, DateTimeOffset.UtcNow, happened);

        Assert.Equal(happened, message.Deserialize(out var type));
        Assert.Equal(typeof(SomethingHappened), type);
        Assert.Equal(happened.EventId, message.Id);
    }

    [Fact]
    public void Failures_back_off_further_each_time_but_never_past_ten_seconds()
    {
        var message = OutboxMessage.For(Guid.NewGuid(), DateTimeOffset.UnixEpoch, new SomethingHappened(Guid.NewGuid(), "x"));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            message.RecordFailure("broker down", DateTimeOffset.UnixEpoch);
            waits.Add(message.NextAttemptAt - DateTimeOffset.UnixEpoch);
        }

        Assert.True(waits[3] > waits[0]);
        Assert.All(waits, wait => Assert.True(wait <= TimeSpan.FromSeconds(12)));
        Assert.Equal(12, message.Attempts);
        Assert.Null(message.DispatchedAt);
    }
}
