using CreatorMeta.ServiceDefaults.Grpc;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace CreatorMeta.ServiceDefaults.Resilience;

/// <summary>
/// The resilience policies for every outgoing call: retries with exponential backoff and jitter only for failures that
/// are safe to repeat, a circuit breaker so a dead dependency fails fast, and a timeout as the last word.
/// </summary>
public static class ResiliencePipelines
{
    /// <summary>Set on a call's context when repeating the request is safe.</summary>
    public static readonly ResiliencePropertyKey<bool> Replayable = new("creatormeta.replayable");

    public static ResiliencePipeline ForGrpc() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // UNAVAILABLE means the call never reached the handler, so repeating it cannot apply it twice.
            ShouldHandle = new PredicateBuilder().Handle<GrpcException>(e => e.Status == GrpcStatusCode.Unavailable),
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<GrpcException>(e =>
                e.Status is GrpcStatusCode.Unavailable or GrpcStatusCode.DeadlineExceeded),
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
        })
        .Build();

    public static ResiliencePipeline<HttpResponseMessage> ForHttp(TimeSpan timeout) => new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            // Only failures to connect are retried, and only for requests without a body (a stream cannot be replayed).
            ShouldHandle = args => ValueTask.FromResult(
                args.Context.Properties.GetValue(Replayable, false)
                && args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }),
            MaxRetryAttempts = 2,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>().Handle<HttpRequestException>().Handle<TimeoutRejectedException>(),
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(5),
        })
        .AddTimeout(timeout)
        .Build();
}
