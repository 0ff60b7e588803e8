using CreatorMeta.Analytics.Domain;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Infrastructure;

public sealed class AnalyticsDb(DbContextOptions<AnalyticsDb> options) : DbContext(options)
{
    public DbSet<PublicationFact> Publications => Set<PublicationFact>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PublicationFact>(fact =>
        {
            fact.ToTable("publication_facts");
            fact.HasKey(p => p.PublicationId);
        });
        model.AddOutbox();
        model.UseSnakeCaseNames();
    }
}
