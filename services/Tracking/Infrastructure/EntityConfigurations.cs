using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Importing;
using CreatorMeta.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CreatorMeta.Tracking.Infrastructure;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> asset)
    {
        asset.ToTable("assets");
        asset.HasKey(a => a.Id);
        asset.Property(a => a.Id).ValueGeneratedNever(); // the domain assigns ids, so EF must not read a set id as "already saved"
        asset.Property(a => a.Kind).HasConversion(Conversions.LowerCase<AssetKind>());
        asset.Property(a => a.Status).HasConversion(Conversions.LowerCase<AssetStatus>());
        asset.Property(a => a.Attributes).HasColumnType("jsonb").HasConversion(Conversions.Json<string>(), Conversions.DictionaryComparer<string>());
        asset.HasMany(a => a.Publications).WithOne().HasForeignKey(p => p.AssetId);
        asset.Navigation(a => a.Publications).HasField("_publications").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> publication)
    {
        publication.ToTable("publications");
        publication.HasKey(p => p.Id);
        publication.Property(p => p.Id).ValueGeneratedNever();
        publication.Property(p => p.Source).HasConversion(Conversions.LowerCase<PublicationSource>());
        publication.Property(p => p.Status).HasConversion(Conversions.LowerCase<PublicationStatus>());
        publication.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.PublicationId);
        publication.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PublicationVersionConfiguration : IEntityTypeConfiguration<PublicationVersion>
{
    public void Configure(EntityTypeBuilder<PublicationVersion> version)
    {
        version.ToTable("publication_versions");
        version.HasKey(v => new { v.PublicationId, v.Version });
        version.Property(v => v.Version).ValueGeneratedNever();
    }
}

internal sealed class PlatformAccountConfiguration : IEntityTypeConfiguration<PlatformAccount>
{
    public void Configure(EntityTypeBuilder<PlatformAccount> account)
    {
        account.ToTable("accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).ValueGeneratedNever();
    }
}

internal sealed class PublicationPerformanceConfiguration : IEntityTypeConfiguration<PublicationPerformance>
{
    public void Configure(EntityTypeBuilder<PublicationPerformance> performance)
    {
        performance.ToTable("publication_performance");
        performance.HasKey(p => p.PublicationId);
        performance.Property(p => p.PublicationId).ValueGeneratedNever();
        performance.Property(p => p.Metrics).HasColumnType("jsonb").HasConversion(Conversions.Json<double>(), Conversions.DictionaryComparer<double>());
    }
}

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.ToTable("import_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).ValueGeneratedNever();
        job.Property(j => j.Status).HasConversion(Conversions.LowerCase<ImportJobStatus>());
        job.Property(j => j.Rows).HasColumnType("jsonb").HasConversion(Conversions.JsonList<ImportRow>(), Conversions.Replaced<ImportRow>());
        job.Property(j => j.Results).HasColumnType("jsonb").HasConversion(Conversions.JsonList<ImportResult>(), Conversions.Replaced<ImportResult>());
        job.Ignore(j => j.Remaining);
    }
}
