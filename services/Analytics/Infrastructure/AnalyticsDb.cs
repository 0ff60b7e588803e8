using CreatorMeta.Analytics.Domain;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Infrastructure;

public sealed class AnalyticsDb(DbContextOptions<AnalyticsDb> options) : DbContext(options)
{
    public DbSet<PublicationFact> Publications => Set<PublicationFact>();
    public DbSet<AssetFact> Assets => Set<AssetFact>();
    public DbSet<MetricFact> Metrics => Set<MetricFact>();
    public DbSet<AccountZone> AccountZones => Set<AccountZone>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<PublicationFact>(fact =>
        {
            fact.ToTable("publication_facts");
            fact.HasKey(p => p.PublicationId);
        });
        model.Entity<AssetFact>(fact =>
        {
            fact.ToTable("asset_facts");
            fact.HasKey(a => a.AssetId);
            fact.Property(a => a.Attributes).HasColumnType("jsonb")
                .HasConversion(Conversions.Json<string>(), Conversions.DictionaryComparer<string>());
        });
        model.Entity<MetricFact>(fact =>
        {
            fact.ToTable("metric_facts");
            fact.HasKey(m => new { m.WorkspaceId, m.Platform, m.ExternalPostId });
            fact.Property(m => m.Metrics).HasColumnType("jsonb")
                .HasConversion(Conversions.Json<double>(), Conversions.DictionaryComparer<double>());
        });
        model.Entity<AccountZone>(zone =>
        {
            zone.ToTable("account_zones");
            zone.HasKey(z => new { z.WorkspaceId, z.Platform, z.Account });
        });
        model.AddOutbox();
        model.UseSnakeCaseNames();
    }
}
