using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;

namespace CreatorMeta.ServiceDefaults.Resilience;

/// <summary>
/// Runs outgoing HTTP requests through a resilience pipeline of their own target host, so one failing service
/// opens only its own circuit. Requests with a body are never retried.
/// </summary>
public sealed class ResilienceHandler(PerHostPipelines pipelines) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelines.Replayable, request.Content is null);
        try
        {
            return await pipelines.For(request.RequestUri!.Authority).ExecuteAsync(
                async (ctx, req) => await base.SendAsync(req, ctx.CancellationToken), context, request);
        }
        catch (BrokenCircuitException e)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, $"{request.RequestUri?.Authority} is failing; calls are paused.", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}

/// <summary>One pipeline per host, kept for the life of the process (register it as a singleton).</summary>
public sealed class PerHostPipelines(TimeSpan timeout)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> For(string host) =>
        _pipelines.GetOrAdd(host, _ => ResiliencePipelines.ForHttp(timeout));
}
