using MassTransit;

namespace CreatorMeta.ServiceDefaults.Messaging;

public static class ConnectorEndpoints
{
    /// <summary>
    /// A queue bound to a connector topic exchange (docs/decisions/0007) for one routing key, reading plain JSON (no MassTransit envelope) into
    /// <typeparamref name="TConsumer"/>'s message type. Register the consumer with ExcludeFromConfigureEndpoints().
    /// </summary>
    public static void ConnectorEndpoint<TConsumer>(this IRabbitMqBusFactoryConfigurator rabbit, IBusRegistrationContext context,
        string queue, string exchange, string routingKey) where TConsumer : class, IConsumer =>
        rabbit.ReceiveEndpoint(queue, endpoint =>
        {
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
