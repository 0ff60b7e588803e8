using System.Text.Json;
using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.ServiceDefaults.Tests.Messaging;

public sealed class OutboxMessageTests
{
    private sealed record SomethingHappened(Guid EventId, string What);

    private static readonly OutboxRetryPolicy Policy = OutboxRetryPolicy.Default;

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
    public void A_null_body_does_not_read_as_an_event()
    {
        var message = OutboxMessage.For<SomethingHappened>(Guid.NewGuid(), DateTimeOffset.UtcNow, null!);

        Assert.Throws<JsonException>(() => message.Deserialize(out _));
    }

    [Fact]
    public void Failures_back_off_further_each_time_but_never_past_ten_seconds()
    {
        var message = OutboxMessage.For(Guid.NewGuid(), DateTimeOffset.UnixEpoch, new SomethingHappened(Guid.NewGuid(), "x"));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            message.RecordFailure("broker down", DateTimeOffset.UnixEpoch, Policy);
            waits.Add(message.NextAttemptAt - DateTimeOffset.UnixEpoch);
        }

        Assert.True(waits[3] > waits[0]);
        Assert.All(waits, wait => Assert.True(wait <= TimeSpan.FromSeconds(12)));
        Assert.Equal(12, message.Attempts);
        Assert.Null(message.DispatchedAt);
        Assert.Null(message.ParkedAt);
    }

    [Fact]
    public void An_unreadable_message_is_parked_at_the_bound_and_a_redrive_starts_it_afresh()
    {
        var message = OutboxMessage.For(Guid.NewGuid(), DateTimeOffset.UnixEpoch, new SomethingHappened(Guid.NewGuid(), "x"));
        var policy = Policy with { ParkAfterAttempts = 3 };
        var now = DateTimeOffset.UnixEpoch.AddDays(1);

        message.RecordUnpublishable("TypeLoadException: gone", now, policy);
        message.RecordUnpublishable("TypeLoadException: gone", now, policy);
        var parkedBefore = message.ParkedAt;
        message.RecordUnpublishable("TypeLoadException: gone", now, policy);

        Assert.Null(parkedBefore);
        Assert.Equal(now, message.ParkedAt);
        Assert.Equal("TypeLoadException: gone", message.LastError);

        message.Redrive(now.AddHours(1));

        Assert.Null(message.ParkedAt);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(now.AddHours(1), message.NextAttemptAt);
    }

    [Fact]
    public void Rows_released_behind_a_broker_failure_wait_with_it_but_never_move_earlier()
    {
        var message = OutboxMessage.For(Guid.NewGuid(), DateTimeOffset.UnixEpoch, new SomethingHappened(Guid.NewGuid(), "x"));

        message.Release(DateTimeOffset.UnixEpoch.AddSeconds(5));
        message.Release(DateTimeOffset.UnixEpoch.AddSeconds(1));
        message.Release();

        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(5), message.NextAttemptAt);
        Assert.Equal(0, message.Attempts);
    }
}
