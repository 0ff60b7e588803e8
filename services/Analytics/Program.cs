using CreatorMeta.Contracts;
using CreatorMeta.Analytics;
using CreatorMeta.Analytics.Apis;
using CreatorMeta.Analytics.Grpc;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
CreatorMeta.Contracts.Unicode.CompatibilityForm.EnsureAvailable(); // handles and hashtags are normalized by ICU
builder.AddServiceDefaults();
builder.AddAnalyticsServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapPlatformsApi();
app.MapTrendsApi();
app.MapBestTimesApi();
app.MapTopApi();
app.MapReportApi();
app.MapAnalyticsGrpc();

await app.MigrateDatabaseAsync(typeof(AnalyticsDb).Assembly,
    CodeMigration.RewriteColumn("analytics_0002_account_handles", "publication_facts", "account", AccountHandles.Normalize),
    // Before handles were put in compatibility form for real (ICU; invariant globalization had left non-ASCII as typed).
    CodeMigration.RewriteColumn("analytics_0006_account_handles_nfkc", "publication_facts", "account", AccountHandles.Normalize));
app.Run();
