using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Tracking;
using CreatorMeta.Tracking.Apis;
using CreatorMeta.Tracking.Grpc;
using CreatorMeta.Tracking.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
CreatorMeta.Contracts.Unicode.CompatibilityForm.EnsureAvailable(); // handles and hashtags are normalized by ICU
builder.AddServiceDefaults();
builder.AddTrackingServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapAssetsApi();
app.MapPublicationsApi();
app.MapImportApi();
app.MapExportApi();
app.MapAccountsApi();
app.MapRepurposingApi();
app.MapTrackingGrpc();
app.MapOutboxAdministration<TrackingDb>();

await app.MigrateDatabaseAsync(typeof(TrackingDb).Assembly, TrackingMigrations.All);
app.Run();
