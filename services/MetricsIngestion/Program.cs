using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion;
using CreatorMeta.MetricsIngestion.Apis;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMetricsIngestionServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapObservationsApi();

await app.MigrateDatabaseAsync(typeof(MetricsIngestionServices).Assembly,
    CodeMigration.RewriteColumn("metrics_0002_account_handles", "raw_observations", "account", AccountHandles.Normalize));
app.Run();
