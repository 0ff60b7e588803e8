using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Apis;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.MetricsIngestion;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMetricsIngestionServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapObservationsApi();
app.MapCsvUploadApi();
app.MapMappingsApi();
app.MapPostMetricsApi();
app.MapOutboxAdministration<MetricsDb>();

await app.MigrateDatabaseAsync(typeof(MetricsDb).Assembly,
    CodeMigration.RewriteColumn("metrics_0002_account_handles", "raw_observations", "account", AccountHandles.Normalize));
app.Run();
