using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Apis;

public static class AssetsApi
{
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup("/api/v1/assets").WithTags("Assets");
        assets.MapPost("/", RegisterAsset);
        assets.MapGet("/", ListAssets);
        assets.MapGet("/{id:guid}", GetAsset);
        assets.MapPost("/{id:guid}/publications", RecordPublication);
        return app;
    }

    public static async Task<Results<Created<AssetResponse>, ValidationProblem>> RegisterAsset(
        RegisterAssetRequest request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var details);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var now = clock.GetUtcNow();
        var asset = Asset.Register(workspace.Value, details, now);
        db.Assets.Add(asset);
        var registered = new AssetRegistered(Guid.CreateVersion7(now), workspace.Value, now, asset.Id,
            asset.Title, asset.Kind.ToString().ToLowerInvariant(), asset.ContentHash, asset.Topics, asset.VisualElements, asset.Format);
        db.PublishOnSave(registered.EventId, now, registered);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/assets/{asset.Id}", AssetResponse.From(asset));
    }

    public static async Task<Results<Ok<AssetPage>, ValidationProblem>> ListAssets(
        WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        var page = Pagination.Parse(limit, cursor, out var after, out var errors);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var query = db.Assets.AsNoTracking().Include(a => a.Publications).Where(a => a.WorkspaceId == workspace.Value);
        if (after is { } c)
            query = query.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.CreatedAt, a.Id), ValueTuple.Create(c.CreatedAt, c.Id)));
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(page + 1)
            .AsSplitQuery().ToListAsync(cancellationToken);
        var next = items.Count > page ? Pagination.Cursor(items[page - 1].CreatedAt, items[page - 1].Id) : null;
        return TypedResults.Ok(new AssetPage(items.Take(page).Select(AssetResponse.From).ToList(), next));
    }

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> GetAsset(
        Guid id, WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.AsNoTracking().Include(a => a.Publications)
            .FirstOrDefaultAsync(a => a.Id == id && a.WorkspaceId == workspace.Value, cancellationToken);
        return asset is null ? ApiProblems.NotFound("Asset", id.ToString()) : TypedResults.Ok(AssetResponse.From(asset));
    }

    public static async Task<Results<Created<PublicationResponse>, Ok<PublicationResponse>, ProblemHttpResult, ValidationProblem>> RecordPublication(
        Guid id, RecordPublicationRequest request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = request.Validate(now, out var details);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAccountAsync(workspace.Value, details.Platform, details.Account, cancellationToken);
        var asset = await db.Assets.Include(a => a.Publications)
            .FirstOrDefaultAsync(a => a.Id == id && a.WorkspaceId == workspace.Value, cancellationToken);
        if (asset is null)
            return ApiProblems.NotFound("Asset", id.ToString());
        if (asset.Status == AssetStatus.Archived)
            return ApiProblems.Conflict("asset-archived", "Asset is archived", "An archived asset cannot be published; restore it first.");
        if (details.ExternalPostId is not null && await db.FindByExternalIdAsync(workspace.Value, details.Platform, details.ExternalPostId, cancellationToken) is { } known)
        {
            // The platform's post id names one post: recording it again is a replay, not a new publication.
            return known.AssetId == asset.Id
                ? TypedResults.Ok(PublicationResponse.From(known))
                : ExternalPostRecorded(known);
        }
        var earlier = await db.LiveDuplicatesAsync(asset, details.Platform, details.Account, cancellationToken);
        if (earlier.Count > 0 && details.RepurposeReason is null)
            return DuplicatePublication(earlier[0]);

        var publication = asset.RecordPublication(details, earlier, now);
        var recorded = new PublicationRecorded(Guid.CreateVersion7(now), workspace.Value, now,
            publication.Id, asset.Id, publication.Platform, publication.Account, publication.ExternalPostId, publication.PostUrl,
            publication.PublishedAt, publication.Source.ToString().ToLowerInvariant(), publication.Hashtags, publication.RepurposeReason);
        db.PublishOnSave(recorded.EventId, now, recorded);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same platform post recorded at this very moment from another account's request.
            return ApiProblems.Conflict("external-post-recorded", "Post already recorded",
                $"{details.Platform} post '{details.ExternalPostId}' was recorded concurrently; read it back and retry if needed.");
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/assets/{asset.Id}", PublicationResponse.From(publication));
    }

    private static ProblemHttpResult ExternalPostRecorded(Publication known) => ApiProblems.Conflict(
        "external-post-recorded", "Post already recorded for another asset",
        $"{known.Platform} post '{known.ExternalPostId}' is already recorded as a publication of asset {known.AssetId}.",
        new Dictionary<string, object?> { ["earlierPublication"] = PublicationResponse.From(known) });

    private static ProblemHttpResult DuplicatePublication(Publication earlier) => ApiProblems.Conflict(
        "duplicate-publication", "Already published on this account",
        $"This content is already live on {earlier.Platform} account '{earlier.Account}' since {earlier.PublishedAt:O}" +
        (earlier.PostUrl is null ? "" : $" ({earlier.PostUrl})") + ". Send repurpose: {reason} to publish it again deliberately.",
        new Dictionary<string, object?> { ["earlierPublication"] = PublicationResponse.From(earlier) });
}
