using CreatorMeta.AppHost.Hosting;

namespace CreatorMeta.AppHost;

/// <summary>What the AppHost tells a developer once everything is up, and the development-only keys it configures.</summary>
public static class DevelopmentSettings
{
    /// <summary>The API key of the "dev" workspace; only ever configured by the AppHost, never in production.</summary>
    public const string DevelopmentApiKey = "cm_dev_local_2f7b9c41e8a54d06b3c1";

    /// <summary>The administration key that creates workspaces and API keys, development only.</summary>
    public const string AdminApiKey = "cm_admin_local_8d30e6f2a9c14b57";

    public static void PrintWelcome(ResourceBuilder<ProjectResource> gateway)
    {
        var url = gateway.Resource.Endpoints["http"].ToString().TrimEnd('/');
        Console.WriteLine($"""

            ──────────────────────────────────────────────────────────────
             CreatorMeta is running.
               Gateway        {url}/api/v1
               OpenAPI UI     {url}/docs
               Dev API key    {DevelopmentApiKey}   (workspace "dev")
               Admin key      {AdminApiKey}
             Try: curl -H "Authorization: Bearer {DevelopmentApiKey}" {url}/api/v1/assets
             Ctrl+C stops everything.
            ──────────────────────────────────────────────────────────────

            """);
    }

    /// <summary>For the test command: the connection strings of the private servers, as an env file.</summary>
    public static void WriteInfrastructureEnvironment(DistributedApplicationBuilder builder,
        ResourceBuilder<PostgresServerResource> postgres, ResourceBuilder<RabbitMQServerResource> messaging)
    {
        var lines = $"""
            ConnectionStrings__{postgres.Resource.Name}='{postgres.Resource.ConnectionString}'
            ConnectionStrings__{messaging.Resource.Name}='{messaging.Resource.ConnectionString}'
            ConnectionStrings__{messaging.Resource.Name}_management='{messaging.Resource.ManagementUri}'

            """;
        if (builder.Configuration["env-file"] is { } path)
        {
            // Written whole, then moved into place, so a script polling for the file never reads half of it.
            File.WriteAllText(path + ".partial", lines);
            File.Move(path + ".partial", path, overwrite: true);
        }
        Console.WriteLine(lines);
    }
}
