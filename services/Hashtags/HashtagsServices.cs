using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;

namespace CreatorMeta.Hashtags;

public static class HashtagsServices
{
    public static WebApplicationBuilder AddHashtagsServices(this WebApplicationBuilder builder)
    {
        builder.AddServiceDataSource(ResourceNames.Hashtags);
        builder.AddMessaging(ResourceNames.Hashtags);
        return builder;
    }
}
