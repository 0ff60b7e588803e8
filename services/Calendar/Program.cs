using CreatorMeta.Calendar;
using CreatorMeta.Calendar.Apis;
using CreatorMeta.Calendar.Infrastructure;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCalendarServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCalendarApi();

await app.MigrateDatabaseAsync(typeof(CalendarDb).Assembly);
app.Run();
