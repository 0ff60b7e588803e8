using CreatorMeta.Contracts;
using CreatorMeta.Calendar;
using CreatorMeta.Calendar.Apis;
using CreatorMeta.Calendar.Infrastructure;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);
CreatorMeta.Contracts.Unicode.CompatibilityForm.EnsureAvailable(); // handles and hashtags are normalized by ICU
builder.AddServiceDefaults();
builder.AddCalendarServices();

var app = builder.Build();
app.UseServiceDefaults();
app.MapCalendarApi();
app.MapOutboxAdministration<CalendarDb>();

// Accounts planned under handles as typed, before they had one spelling.
await app.MigrateDatabaseAsync(typeof(CalendarDb).Assembly,
    CodeMigration.RewriteColumn("calendar_0002_account_handles", "schedule_entries", "account", AccountHandles.Normalize),
    // Before handles were put in compatibility form for real (ICU; invariant globalization had left non-ASCII as typed).
    CodeMigration.RewriteColumn("calendar_0003_account_handles_nfkc", "schedule_entries", "account", AccountHandles.Normalize));
app.Run();
