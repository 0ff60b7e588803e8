using Polly;
using Polly.CircuitBreaker;

namespace CreatorMeta.ServiceDefaults.Resilience;

/// <summary>Runs outgoing HTTP requests through a resilience pipeline; requests with a body are never retried.</summary>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResiliencePipelines.Replayable, request.Content is null);
        try
        {
            return await pipeline.ExecuteAsync(
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
