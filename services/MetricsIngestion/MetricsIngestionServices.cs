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
        builder.AddServiceDatabase<MetricsDb>(ResourceNames.MetricsIngestion);
        builder.Services.AddSingleton<ResolutionSignal>();
        builder.Services.AddSingleton<ObservationStore>();
        builder.Services.AddSingleton<ObservationBatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ObservationBatcher>());
        builder.Services.AddSingleton<MappingStore>();
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddSingleton<PostQueries>();
        builder.Services.AddSingleton<LargeBaselines>();
        builder.Services.AddScoped<ResolutionBatch>();
        builder.Services.AddHostedService<ResolutionWorker>();
        builder.AddMessaging(ResourceNames.MetricsIngestion,
            bus =>
            {
                bus.AddConsumer<EngagementObservedConsumer>().ExcludeFromConfigureEndpoints();
                bus.AddConsumer<PublicationRecordedConsumer>();
                bus.AddConsumer<PublicationRemovedConsumer>();
                bus.AddConsumer<AssetRegisteredConsumer>();
                bus.AddConsumer<AssetUpdatedConsumer>();
            },
            (context, rabbit) => rabbit.ConnectorEndpoint<EngagementObservedConsumer>(context, ConnectorQueue, ConnectorExchange.Name,
                ConnectorExchange.EngagementObserved, concurrency: ObservationBatcher.MaxGroup),
            // MetricsUpdated is taken in any order (each carries the post's revision), so the outbox keeps a window of
            // publishes in flight instead of waiting one broker round trip per event; Messaging:PublishConcurrency overrides.
            defaults: options => options.PublishConcurrency = 64);
        builder.AddOutboxDispatcher<MetricsDb>();
        return builder;
    }
}
