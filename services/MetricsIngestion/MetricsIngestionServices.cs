using CreatorMeta.Contracts.Connectors;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.MetricsIngestion.Messaging;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;

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
            (context, rabbit) => rabbit.ConnectorEndpoint<EngagementObservedConsumer>(context, ConnectorQueue, ConnectorExchange.Name, ConnectorExchange.EngagementObserved));
        return builder;
    }
}
