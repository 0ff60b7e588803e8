using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Tracking.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Infrastructure;

public sealed class TrackingDb : DbContext
{
    public TrackingDb(DbContextOptions<TrackingDb> options) : base(options) =>
        // A failed save always abandons its whole transaction here, so the savepoint EF would wrap around every save
        // inside one would only cost two more round trips.
        Database.AutoSavepointsEnabled = false;

    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PlatformAccount> Accounts => Set<PlatformAccount>();
    public DbSet<PublicationPerformance> Performance => Set<PublicationPerformance>();
    public DbSet<Importing.ImportJob> ImportJobs => Set<Importing.ImportJob>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(TrackingDb).Assembly);
        model.AddOutbox();
        model.UseSnakeCaseNames();
    }
}
