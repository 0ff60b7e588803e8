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

await app.MigrateDatabaseAsync(typeof(MetricsIngestionServices).Assembly);
app.Run();
