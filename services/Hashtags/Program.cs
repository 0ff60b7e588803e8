using CreatorMeta.Hashtags;
using CreatorMeta.Hashtags.Apis;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHashtagsServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapExtractApi();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);
app.Run();
