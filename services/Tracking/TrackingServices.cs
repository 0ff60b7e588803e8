using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Tracking.Infrastructure;

namespace CreatorMeta.Tracking;

public static class TrackingServices
{
    public static WebApplicationBuilder AddTrackingServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TrackingDb>(ResourceNames.Tracking);
        builder.AddMessaging(ResourceNames.Tracking);
        builder.AddOutboxDispatcher<TrackingDb>();
        return builder;
    }
}
