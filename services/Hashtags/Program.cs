using CreatorMeta.Hashtags;
using CreatorMeta.Hashtags.Apis;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
CreatorMeta.Contracts.Unicode.CompatibilityForm.EnsureAvailable(); // handles and hashtags are normalized by ICU
builder.AddServiceDefaults();
builder.AddHashtagsServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapExtractApi();
app.MapTaxonomyApi();
app.MapPerformanceApi();
app.MapTrendingApi();
app.MapRecommendationsApi();

await app.MigrateDatabaseAsync(typeof(CreatorMeta.Hashtags.Infrastructure.HashtagsDb).Assembly);
app.Run();
