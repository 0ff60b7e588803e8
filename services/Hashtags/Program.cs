using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;

// The hashtag service's place in the system: its database, the broker and the shared defaults. Its taxonomy,
// performance and recommendation APIs are the work of their own issue; until then /api/v1/hashtags answers 404.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDataSource(ResourceNames.Hashtags);
builder.AddMessaging(ResourceNames.Hashtags);

var app = builder.Build();
app.UseServiceDefaults();

await app.MigrateDatabaseAsync(typeof(Program).Assembly);
app.Run();
