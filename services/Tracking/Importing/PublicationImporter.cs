using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using CreatorMeta.Tracking.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Tracking.Importing;

/// <summary>
/// Records posts made outside CreatorMeta. Idempotent on (platform, external post id); matches the asset by SHA-256,
/// then by perceptual hash, else creates a placeholder asset flagged for review. Each row commits alone or not at all.
/// </summary>
public sealed class PublicationImporter(TrackingDb db, IOptions<TrackingOptions> options, TimeProvider clock)
{
    public async Task<ImportResult> ImportAsync(WorkspaceId workspace, int index, ImportRow row, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = row.Validate(now, out var valid);
        if (errors.Count > 0)
            return new ImportResult(index, "rejected", Errors: errors);
        var post = valid.Post;
        db.ChangeTracker.Clear(); // rows are independent: nothing from an earlier row may ride along
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAccountAsync(workspace.Value, post.Platform, valid.Account, cancellationToken);
        if (await db.FindByExternalIdAsync(workspace.Value, post.Platform, post.ExternalPostId, cancellationToken) is { } known)
            return new ImportResult(index, "existing", known.Id.ToString(), known.AssetId.ToString(), "existing", post.Platform, post.ExternalPostId);

        var match = await db.MatchContentAsync(workspace.Value, valid.Asset.ContentHash, valid.Asset.PerceptualHash,
            options.Value.NearDuplicateDistance, cancellationToken);
        Asset asset;
        if (match is { } found)
            asset = (await db.LockAssetAsync(workspace, found.Id, cancellationToken))!;
        else
        {
            asset = Asset.Register(workspace.Value, valid.Asset, now, needsReview: true);
            db.Assets.Add(asset);
            db.AssetRegistered(asset, now);
        }
        var conflicts = await db.GuardConflictsAsync(asset, post.Platform, valid.Account, options.Value, now, cancellationToken);
        var publication = asset.RecordPublication(new PublicationDetails(post.Platform, valid.Account, post.ExternalPostId,
            post.Url.Length > 0 ? post.Url : null, valid.PublishedAt, valid.Caption, valid.Hashtags, PublicationSource.Imported, null), conflicts, now);
        db.PublicationRecorded(publication, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same post arrived through another account's row at this moment; what was stored is the answer.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await db.FindByExternalIdAsync(workspace.Value, post.Platform, post.ExternalPostId, cancellationToken);
            return new ImportResult(index, "existing", stored?.Id.ToString(), stored?.AssetId.ToString(), "existing", post.Platform, post.ExternalPostId);
        }
        // It already happened on the platform, so the guard cannot refuse it; what it would have said is worth knowing.
        var warnings = conflicts.Select(c => c.Earlier is { } p ? $"{c.Detail} (publication {p.Id})" : c.Detail).ToList();
        return new ImportResult(index, "created", publication.Id.ToString(), asset.Id.ToString(), match?.MatchedBy ?? "placeholder",
            post.Platform, post.ExternalPostId, warnings.Count > 0 ? warnings : null);
    }
}
