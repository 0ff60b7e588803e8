using CreatorMeta.AppHost;
using CreatorMeta.AppHost.Hosting;
using CreatorMeta.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure first: private servers, or the user's own when ConnectionStrings__postgres / __messaging are set.
var postgres = builder.AddPostgres(ResourceNames.Postgres);
var messaging = builder.AddRabbitMQ(ResourceNames.Messaging);

if (builder.Configuration["infra-only"] is "true")
    return await builder.Build().RunAsync(_ => DevelopmentSettings.WriteInfrastructureEnvironment(builder, postgres, messaging));

// Each service owns its database and talks to the others through the broker, gRPC, or both.
ResourceBuilder<ProjectResource> AddService(string name, string projectPath) => builder.AddProject(name, projectPath)
    .WithReference(postgres.AddDatabase(ResourceNames.DatabaseOf(name))).WaitFor(postgres)
    .WithReference(messaging).WaitFor(messaging);

var tracking = AddService(ResourceNames.Tracking, "services/Tracking/CreatorMeta.Tracking.csproj")
    .WithGrpcEndpoint();

return await builder.Build().RunAsync(_ => DevelopmentSettings.PrintWelcome(tracking));
