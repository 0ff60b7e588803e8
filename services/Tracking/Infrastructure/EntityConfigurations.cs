using CreatorMeta.Tracking.Domain;
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
        asset.Property(a => a.Kind).HasConversion(LowerCase<AssetKind>());
        asset.Property(a => a.Status).HasConversion(LowerCase<AssetStatus>());
        asset.HasMany(a => a.Publications).WithOne().HasForeignKey(p => p.AssetId);
        asset.Navigation(a => a.Publications).HasField("_publications").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    internal static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> LowerCase<T>() where T : struct, Enum =>
        new(value => value.ToString().ToLowerInvariant(), text => Enum.Parse<T>(text, true));
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> publication)
    {
        publication.ToTable("publications");
        publication.HasKey(p => p.Id);
        publication.Property(p => p.Id).ValueGeneratedNever();
        publication.Property(p => p.Source).HasConversion(AssetConfiguration.LowerCase<PublicationSource>());
        publication.Property(p => p.Status).HasConversion(AssetConfiguration.LowerCase<PublicationStatus>());
    }
}
