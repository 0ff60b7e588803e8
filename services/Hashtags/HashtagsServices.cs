using CreatorMeta.Contracts.Connectors;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.Hashtags.Messaging;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.Hashtags;

public static class HashtagsServices
{
    public static WebApplicationBuilder AddHashtagsServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<HashtagsDb>(ResourceNames.Hashtags);
        builder.Services.AddOptions<HashtagsOptions>().BindConfiguration("Hashtags").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddWorkspaceCache(TagEvidence.ChangesChannel, TagEvidence.ReadAsync,
            services => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HashtagsOptions>>().Value.CacheRows);
        builder.AddMessaging(ResourceNames.Hashtags, bus =>
        {
            bus.AddConsumer<PublicationRecordedConsumer>();
            bus.AddConsumer<PublicationEditedConsumer>();
            bus.AddConsumer<PublicationRemovedConsumer>();
            bus.AddConsumer<AssetRegisteredConsumer>();
            bus.AddConsumer<AssetUpdatedConsumer>();
            bus.AddConsumer<AccountRegisteredConsumer>();
            bus.AddConsumer<MetricsUpdatedConsumer>();
            bus.AddConsumer<TrendObservedConsumer>().ExcludeFromConfigureEndpoints();
        },
        (context, rabbit) => rabbit.ConnectorEndpoint<TrendObservedConsumer>(context, "hashtags-trend-observed", ConnectorExchange.Name,
            ConnectorExchange.TrendObserved));
        return builder;
    }
}
