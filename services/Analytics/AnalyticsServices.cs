using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Analytics.Messaging;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.Analytics;

public static class AnalyticsServices
{
    public static WebApplicationBuilder AddAnalyticsServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AnalyticsDb>(ResourceNames.Analytics);
        builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration("Analysis").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddWorkspaceCache(WorkspacePosts.ChangesChannel, WorkspacePosts.ReadAsync,
            services => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnalyticsOptions>>().Value.CacheRows);
        builder.AddMessaging(ResourceNames.Analytics, bus =>
        {
            bus.AddConsumer<PublicationRecordedConsumer>();
            bus.AddConsumer<PublicationEditedConsumer>();
            bus.AddConsumer<PublicationRemovedConsumer>();
            bus.AddConsumer<AssetRegisteredConsumer>();
            bus.AddConsumer<AssetUpdatedConsumer>();
            bus.AddConsumer<AccountRegisteredConsumer>();
            bus.AddConsumer<MetricsUpdatedConsumer>();
        });
        return builder;
    }
}
