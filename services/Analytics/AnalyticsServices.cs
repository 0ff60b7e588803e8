using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Analytics.Messaging;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.Analytics;

public static class AnalyticsServices
{
    public static WebApplicationBuilder AddAnalyticsServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AnalyticsDb>(ResourceNames.Analytics);
        var cacheRows = builder.Configuration.GetValue("Analysis:CacheRows", AnalysisCache.DefaultMaxRows);
        if (cacheRows < 0)
            throw new InvalidOperationException("Analysis:CacheRows is how many posts analytics keeps in memory: 0 or more.");
        builder.Services.AddSingleton(services => new AnalysisCache(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), cacheRows));
        builder.Services.AddHostedService<AnalysisChangesListener>();
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
