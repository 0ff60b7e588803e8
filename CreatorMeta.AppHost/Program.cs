using Microsoft.Extensions.Configuration;
using CreatorMeta.AppHost;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure first: private servers, or the user's own when ConnectionStrings__postgres / __messaging are set.
var postgres = builder.AddPostgres(ResourceNames.Postgres);
var messaging = builder.AddRabbitMQ(ResourceNames.Messaging);

if (builder.Configuration["infra-only"] is "true")
{
    // The test command's servers: tests give each service process a RabbitMQ virtual host of its own.
    messaging.Resource.WithManagement = true;
    return await builder.Build().RunAsync(_ => DevelopmentSettings.WriteInfrastructureEnvironment(builder, postgres, messaging));
}

// Each service owns its database and reaches the others through the broker (facts) and gRPC (questions). It trusts
// only the gateway: it holds the public half of the key the gateway signs caller claims with.
var trust = TrustKeys.Generate();
ResourceBuilder<ProjectResource> AddService(string name, string projectPath)
{
    var database = postgres.AddDatabase(ResourceNames.DatabaseOf(name));
    return builder.AddProject(name, projectPath)
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging)
        .WithEnvironment("Trust__VerificationKey", trust.VerificationKey);
}

var tracking = AddService(ResourceNames.Tracking, "services/Tracking/CreatorMeta.Tracking.csproj")
    .WithGrpcEndpoint();
var metrics = AddService(ResourceNames.MetricsIngestion, "services/MetricsIngestion/CreatorMeta.MetricsIngestion.csproj");
var hashtags = AddService(ResourceNames.Hashtags, "services/Hashtags/CreatorMeta.Hashtags.csproj");
var analytics = AddService(ResourceNames.Analytics, "services/Analytics/CreatorMeta.Analytics.csproj")
    .WithGrpcEndpoint();
var calendar = AddService(ResourceNames.Calendar, "services/Calendar/CreatorMeta.Calendar.csproj")
    .WithReference(tracking).WaitFor(tracking);

// The one public surface, last: it waits for everything it routes to.
var gatewayDatabase = postgres.AddDatabase(ResourceNames.DatabaseOf(ResourceNames.Gateway));
var gateway = builder.AddProject(ResourceNames.Gateway, "gateway/CreatorMeta.Gateway.csproj")
    .WithHttpPort(builder.Configuration.GetValue("gateway-port", 8080))
    .WithReference(gatewayDatabase).WaitFor(gatewayDatabase)
    .WithReference(tracking).WaitFor(tracking)
    .WithReference(metrics).WaitFor(metrics)
    .WithReference(hashtags).WaitFor(hashtags)
    .WithReference(analytics).WaitFor(analytics)
    .WithReference(calendar).WaitFor(calendar)
    .WithEnvironment("Gateway__DevelopmentApiKey", DevelopmentSettings.DevelopmentApiKey)
    .WithEnvironment("Gateway__AdminApiKey", DevelopmentSettings.AdminApiKey)
    .WithEnvironment("Trust__SigningKey", trust.SigningKey);

return await builder.Build().RunAsync(_ => DevelopmentSettings.PrintWelcome(gateway));
