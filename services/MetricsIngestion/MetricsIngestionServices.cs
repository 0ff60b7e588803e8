using CreatorMeta.Contracts.Connectors;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.MetricsIngestion.Messaging;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using MassTransit;

namespace CreatorMeta.MetricsIngestion;

public static class MetricsIngestionServices
{
    public const string ConnectorQueue = "metrics-ingestion-engagement-observed";

    public static WebApplicationBuilder AddMetricsIngestionServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDataSource(ResourceNames.MetricsIngestion);
        builder.Services.AddSingleton<ObservationStore>();
        builder.AddMessaging(ResourceNames.MetricsIngestion,
            bus => bus.AddConsumer<EngagementObservedConsumer>().ExcludeFromConfigureEndpoints(),
            (context, rabbit) => rabbit.ReceiveEndpoint(ConnectorQueue, endpoint =>
            {
                // Connectors in any language publish plain JSON to a documented topic exchange: no MassTransit envelope.
                endpoint.ConfigureConsumeTopology = false;
                endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                endpoint.Bind(ConnectorExchange.Name, exchange =>
                {
                    exchange.ExchangeType = "topic";
                    exchange.RoutingKey = ConnectorExchange.EngagementObserved;
                });
                endpoint.ConfigureConsumer<EngagementObservedConsumer>(context);
            }));
        return builder;
    }
}
