using CreatorMeta.Calendar.Domain;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Calendar.Infrastructure;

public sealed class CalendarDb(DbContextOptions<CalendarDb> options) : DbContext(options)
{
    public DbSet<ScheduleEntry> Entries => Set<ScheduleEntry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ScheduleEntry>(entry =>
        {
            entry.ToTable("schedule_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.LocalTime).HasColumnType("timestamp without time zone");
            entry.Property(e => e.Status).HasConversion(s => s.ToString().ToLowerInvariant(), s => Enum.Parse<EntryStatus>(s, true));
            entry.Ignore(e => e.IsActive);
        });
        model.AddOutbox();
        model.UseSnakeCaseNames();
    }

    /// <summary>Serializes scheduling decisions for one platform account until the transaction ends.</summary>
    public Task LockAccountAsync(string workspaceId, string platform, string account, CancellationToken cancellationToken) =>
        this.LockUntilCommitAsync($"calendar/{workspaceId}/{platform}/{account}", cancellationToken);
}
