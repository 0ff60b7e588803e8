using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreatorMeta.ServiceDefaults.Messaging;

public static class ConnectorEndpoints
{
    /// <summary>
    /// A queue bound to a connector topic exchange (docs/decisions/0007) for one routing key, reading plain JSON (no MassTransit envelope) into
    /// <typeparamref name="TConsumer"/>'s message type. Register the consumer with ExcludeFromConfigureEndpoints().
    /// <paramref name="concurrency"/> raises how many messages are handled at once, unless Messaging:ConcurrentMessageLimit
    /// sets a limit for every queue.
    /// </summary>
    public static void ConnectorEndpoint<TConsumer>(this IRabbitMqBusFactoryConfigurator rabbit, IBusRegistrationContext context,
        string queue, string exchange, string routingKey, int? concurrency = null) where TConsumer : class, IConsumer =>
        rabbit.ReceiveEndpoint(queue, endpoint =>
        {
            if (concurrency is { } limit
                && context.GetRequiredService<IOptions<MessagingOptions>>().Value.ConcurrentMessageLimit is null)
            {
                endpoint.PrefetchCount = limit;
                endpoint.ConcurrentMessageLimit = limit;
            }
            endpoint.ConfigureConsumeTopology = false;
            endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
            endpoint.Bind(exchange, binding =>
            {
                binding.ExchangeType = "topic";
                binding.RoutingKey = routingKey;
            });
            endpoint.ConfigureConsumer<TConsumer>(context);
        });
}
