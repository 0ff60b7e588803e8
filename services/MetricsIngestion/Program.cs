using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Apis;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.MetricsIngestion;

var builder = WebApplication.CreateBuilder(args);
CreatorMeta.Contracts.Unicode.CompatibilityForm.EnsureAvailable(); // handles and hashtags are normalized by ICU
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
    CodeMigration.RewriteColumn("metrics_0002_account_handles", "raw_observations", "account", AccountHandles.Normalize),
    // Before handles were put in compatibility form for real (ICU; invariant globalization had left non-ASCII as typed).
    CodeMigration.RewriteColumn("metrics_0010_account_handles_nfkc", "raw_observations", "account", AccountHandles.Normalize),
    CodeMigration.RewriteColumn("metrics_0011_publication_handles_nfkc", "publications", "account", AccountHandles.Normalize),
    CodeMigration.RewriteColumn("metrics_0012_post_handles_nfkc", "posts", "account", AccountHandles.Normalize),
    CodeMigration.RewriteColumn("metrics_0013_baseline_handles_nfkc", "baseline_values", "account", AccountHandles.Normalize));
app.Run();
