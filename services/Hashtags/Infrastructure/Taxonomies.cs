using System.Text.Json;
using CreatorMeta.Hashtags.Domain;
using CreatorMeta.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Hashtags.Infrastructure;

/// <summary>A workspace's taxonomy with the version it was stored under (0 and no time for one never stored).</summary>
public sealed record VersionedTaxonomy(Taxonomy Taxonomy, int Version, DateTimeOffset? UpdatedAt);

public static class Taxonomies
{
    private sealed record Document(IReadOnlyList<CanonicalTag> Tags, IReadOnlyDictionary<string, IReadOnlyList<string>> AlwaysInclude,
        IReadOnlyList<BannedTag> Banned);

    /// <summary>The workspace's taxonomy; <paramref name="forUpdate"/> holds it against other changes until the transaction commits.</summary>
    public static async Task<VersionedTaxonomy> ReadTaxonomyAsync(this HashtagsDb db, string workspace, bool forUpdate, CancellationToken cancellationToken)
    {
        if (forUpdate)
            await db.LockUntilCommitAsync($"taxonomy:{workspace}", cancellationToken);
        var stored = await db.Taxonomies.AsNoTracking().SingleOrDefaultAsync(t => t.WorkspaceId == workspace, cancellationToken);
        if (stored is null)
            return new VersionedTaxonomy(Taxonomy.Empty, 0, null);
        return new VersionedTaxonomy(Parse(stored.Document), stored.Version, stored.UpdatedAt);
    }

    /// <summary>A stored taxonomy: stored only once valid, in spellings that normalize to themselves, so taken as it is.</summary>
    public static Taxonomy Parse(string stored)
    {
        var document = JsonSerializer.Deserialize<Document>(stored, JsonSerializerOptions.Web)!;
        return new Taxonomy(document.Tags, document.AlwaysInclude, document.Banned);
    }

    /// <summary>Stores the taxonomy as the next version after <paramref name="current"/>.</summary>
    public static async Task<VersionedTaxonomy> WriteTaxonomyAsync(this HashtagsDb db, string workspace, VersionedTaxonomy current, Taxonomy taxonomy,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = JsonSerializer.Serialize(new Document(taxonomy.Tags, taxonomy.AlwaysIncludeSets, taxonomy.Banned), JsonSerializerOptions.Web);
        var next = new VersionedTaxonomy(taxonomy, current.Version + 1, now);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO taxonomies (workspace_id, document, version, updated_at) VALUES ({workspace}, {document}::jsonb, {next.Version}, {now})
            ON CONFLICT (workspace_id) DO UPDATE SET document = EXCLUDED.document, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
            """, cancellationToken);
        return next;
    }
}
