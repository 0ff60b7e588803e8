namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>How an outbox row that failed is retried: exponential backoff, and parked after a bound if it cannot be read.</summary>
public sealed record OutboxRetryPolicy(TimeSpan RetryDelay, TimeSpan MaxRetryDelay, int ParkAfterAttempts)
{
    public static OutboxRetryPolicy Default { get; } = new MessagingOptions().RetryPolicy();

    /// <summary>The wait before the next try after <paramref name="attempts"/> failures, with ±20 % jitter so instances spread out.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var backoff = Math.Min(MaxRetryDelay.TotalMilliseconds, RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts, 10)));
        return TimeSpan.FromMilliseconds(backoff * (0.8 + Random.Shared.NextDouble() * 0.4));
    }
}
