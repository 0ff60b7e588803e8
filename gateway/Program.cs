using CreatorMeta.Gateway;
using CreatorMeta.Gateway.Admin;
using CreatorMeta.Gateway.Auth;
using CreatorMeta.Gateway.OpenApi;
using CreatorMeta.Gateway.Routing;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.UseGatewayDefaults();
app.MapAdminApi();
app.MapApiDocs();
app.MapGatewayRoutes();

await app.MigrateDatabaseAsync(typeof(GatewayOptions).Assembly);
await app.SeedDevelopmentKeyAsync();
app.Run();
