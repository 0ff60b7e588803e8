using CreatorMeta.Hashtags.Domain;
using CreatorMeta.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Hashtags.Infrastructure;

public sealed class HashtagsDb(DbContextOptions<HashtagsDb> options) : DbContext(options)
{
    public DbSet<TaggedPost> Posts => Set<TaggedPost>();
    public DbSet<PostAsset> Assets => Set<PostAsset>();
    public DbSet<PostScore> Scores => Set<PostScore>();
    public DbSet<StoredTaxonomy> Taxonomies => Set<StoredTaxonomy>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<TaggedPost>(post =>
        {
            post.ToTable("tagged_posts");
            post.HasKey(p => p.PublicationId);
        });
        model.Entity<PostAsset>(asset =>
        {
            asset.ToTable("post_assets");
            asset.HasKey(a => a.AssetId);
        });
        model.Entity<PostScore>(score =>
        {
            score.ToTable("post_scores");
            score.HasKey(s => new { s.WorkspaceId, s.Platform, s.ExternalPostId });
        });
        model.Entity<StoredTaxonomy>(taxonomy =>
        {
            taxonomy.ToTable("taxonomies");
            taxonomy.HasKey(t => t.WorkspaceId);
            taxonomy.Property(t => t.Document).HasColumnType("jsonb");
        });
        model.UseSnakeCaseNames();
    }
}

/// <summary>A workspace's taxonomy as stored: its document (JSON of <see cref="TaxonomyDocument"/>) and a version that every change bumps.</summary>
public sealed class StoredTaxonomy
{
    public string WorkspaceId { get; set; } = "";
    public string Document { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
