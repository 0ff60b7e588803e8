using CreatorMeta.Contracts.Connectors;
using CreatorMeta.Hashtags.Domain.Trends;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.ServiceDefaults.Workspaces;
using MassTransit;
using Npgsql;

namespace CreatorMeta.Hashtags.Messaging;

/// <summary>An outside trend signal from the connectors' exchange, checked by the rules REST applies and stored the same way.</summary>
public sealed class TrendObservedConsumer(NpgsqlDataSource dataSource, TimeProvider clock) : IConsumer<TrendObserved>
{
    public Task Consume(ConsumeContext<TrendObserved> context)
    {
        var m = context.Message;
        var now = clock.GetUtcNow();
        var (signal, errors) = TrendSignal.From(m.Platform, m.Tag, m.Source, m.ObservedAt, m.Score, now);
        if (!WorkspaceId.IsValid(m.WorkspaceId) || signal is null)
            throw new UnprocessableMessageException($"Not a trend signal: {string.Join(" ", errors.Values.SelectMany(e => e))}");
        return dataSource.StoreAsync(m.WorkspaceId, [signal], now, context.CancellationToken);
    }
}
