namespace CreatorMeta.ServiceDefaults;

/// <summary>The names of every resource, shared by the AppHost (which creates them) and the services (which look them up).</summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";

    public const string Tracking = "tracking";
    public const string MetricsIngestion = "metrics-ingestion";
    public const string Hashtags = "hashtags";
    public const string Calendar = "calendar";
    public const string Analytics = "analytics";
    public const string Gateway = "gateway";

    /// <summary>Each service's own database, named after it ("tracking_db"); also its connection string's name.</summary>
    public static string DatabaseOf(string service) => service.Replace('-', '_') + "_db";
}
