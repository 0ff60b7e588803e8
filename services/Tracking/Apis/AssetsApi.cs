using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using CreatorMeta.Tracking.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Tracking.Apis;

public static class AssetsApi
{
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        var assets = app.MapGroup("/api/v1/assets").WithTags("Assets");
        assets.MapPost("/", RegisterAsset);
        assets.MapGet("/", ListAssets);
        assets.MapGet("/{id:guid}", GetAsset);
        assets.MapPatch("/{id:guid}", UpdateAsset);
        assets.MapGet("/{id:guid}/history", GetHistory);
        return app;
    }

    public static async Task<Results<Created<AssetResponse>, ValidationProblem>> RegisterAsset(
        AssetFields request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Validate(null, out var details);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var now = clock.GetUtcNow();
        var asset = Asset.Register(workspace.Value, details, now);
        db.Assets.Add(asset);
        db.AssetRegistered(asset, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/assets/{asset.Id}", AssetResponse.From(asset, await db.AccountTimeZonesAsync(workspace.Value, cancellationToken)));
    }

    /// <summary>Search and filter the library; relevance-ranked when <c>q</c> is given, newest first otherwise.</summary>
    public static async Task<Results<Ok<AssetPage>, ValidationProblem>> ListAssets(
        [AsParameters] AssetQuery query, WorkspaceId workspace, TrackingDb db, IOptions<TrackingOptions> options, CancellationToken cancellationToken)
    {
        var errors = query.Validate(out var filter, out var limit, out var after);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var hits = await db.SearchAsync(workspace.Value, filter, after, limit + 1, options.Value.SearchNewestWindow, cancellationToken);
        var page = hits.Take(limit).ToList();
        var assets = await db.LoadInOrderAsync(page.Select(h => h.Id).ToList(), cancellationToken);
        var next = hits.Count > limit ? Pagination.Cursor(page[^1].Position) : null;
        var zones = await db.AccountTimeZonesAsync(workspace.Value, cancellationToken);
        return TypedResults.Ok(new AssetPage(assets.Select(a => AssetResponse.From(a, zones)).ToList(), next));
    }

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> GetAsset(
        Guid id, WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken)
    {
        var asset = await db.FindAssetAsync(workspace, id, tracked: false, cancellationToken);
        return asset is null ? ApiProblems.NotFound("Asset", id.ToString())
            : TypedResults.Ok(AssetResponse.From(asset, await db.AccountTimeZonesAsync(workspace.Value, cancellationToken)));
    }

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsset(
        Guid id, UpdateAssetRequest request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var asset = await db.LockWholeAssetAsync(workspace, id, cancellationToken);
        if (asset is null)
            return ApiProblems.NotFound("Asset", id.ToString());
        var errors = request.Fields.Validate(asset.Details, out var details);
        var status = asset.Status;
        if (request.Status is not null && !RequestRules.TryParseName(request.Status, out status))
            errors["status"] = [$"Status must be one of: {RequestRules.Names<AssetStatus>()}."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);

        var now = clock.GetUtcNow();
        var before = asset.Status;
        if (asset.ChangeStatus(status, now) is { } refusal)
            return ApiProblems.Conflict("lifecycle-violation", "Lifecycle change not allowed", refusal);
        var changed = asset.Update(details, request.Reviewed == true, now).ToList();
        if (before != asset.Status)
            changed.Add("status");
        if (changed.Count > 0)
        {
            db.AssetUpdated(asset, changed, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(AssetResponse.From(asset, await db.AccountTimeZonesAsync(workspace.Value, cancellationToken)));
    }

    public static async Task<Results<Ok<AssetHistory>, ProblemHttpResult>> GetHistory(
        Guid id, WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken)
    {
        var asset = await db.FindAssetAsync(workspace, id, tracked: false, cancellationToken);
        if (asset is null)
            return ApiProblems.NotFound("Asset", id.ToString());
        var publicationIds = asset.Publications.Select(p => p.Id).ToList();
        var performance = await db.Performance.AsNoTracking().Where(pp => publicationIds.Contains(pp.PublicationId))
            .ToDictionaryAsync(pp => pp.PublicationId, cancellationToken);
        return TypedResults.Ok(AssetHistory.Of(asset, performance, await db.AccountTimeZonesAsync(workspace.Value, cancellationToken)));
    }
}
