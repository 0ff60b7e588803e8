using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Contracts.Connectors;
using CreatorMeta.Tracking.Importing;
using CreatorMeta.Tracking.Infrastructure;
using CreatorMeta.Tracking.Messaging;
using MassTransit;

namespace CreatorMeta.Tracking;

public static class TrackingServices
{
    public static WebApplicationBuilder AddTrackingServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrackingOptions>().BindConfiguration("Tracking").ValidateDataAnnotations().ValidateOnStart();
        builder.AddServiceDatabase<TrackingDb>(ResourceNames.Tracking);
        builder.Services.AddScoped<PublicationImporter>();
        builder.Services.AddHostedService<ImportJobRunner>();
        builder.Services.AddHostedService<SearchWordsBackfill>();
        builder.AddMessaging(ResourceNames.Tracking,
            bus =>
            {
                bus.AddConsumer<PostObservedConsumer>().ExcludeFromConfigureEndpoints();
                bus.AddConsumer<PostRemovedConsumer>().ExcludeFromConfigureEndpoints();
                bus.AddConsumer<MetricsUpdatedConsumer>();
            },
            (context, rabbit) =>
            {
                rabbit.ConnectorEndpoint<PostObservedConsumer>(context, "tracking-post-observed", ConnectorExchange.Name, ConnectorExchange.PostObserved);
                rabbit.ConnectorEndpoint<PostRemovedConsumer>(context, "tracking-post-removed", ConnectorExchange.Name, ConnectorExchange.PostRemoved);
            });
        builder.AddOutboxDispatcher<TrackingDb>();
        return builder;
    }
}
