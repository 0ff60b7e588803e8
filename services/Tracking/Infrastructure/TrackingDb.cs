using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Tracking.Domain;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Infrastructure;

public sealed class TrackingDb(DbContextOptions<TrackingDb> options) : DbContext(options)
{
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PlatformAccount> Accounts => Set<PlatformAccount>();
    public DbSet<PublicationPerformance> Performance => Set<PublicationPerformance>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(TrackingDb).Assembly);
        model.AddOutbox();
        model.UseSnakeCaseNames();
    }
}
