using CreatorMeta.Calendar.Grpc;
using CreatorMeta.Calendar.Infrastructure;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.Calendar;

public static class CalendarServices
{
    public static WebApplicationBuilder AddCalendarServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CalendarDb>(ResourceNames.Calendar);
        builder.AddMessaging(ResourceNames.Calendar);
        builder.AddOutboxDispatcher<CalendarDb>();
        builder.Services.AddGrpcClient<TrackingClient>(ResourceNames.Tracking);
        return builder;
    }
}
