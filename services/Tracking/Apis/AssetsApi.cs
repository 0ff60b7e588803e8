using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using CreatorMeta.Tracking.Messaging;
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
        var asset = await db.FindAssetAsync(workspace, id, tracked: false, cancellationToken);
        return asset is null ? ApiProblems.NotFound("Asset", id.ToString()) : TypedResults.Ok(AssetResponse.From(asset));
    }

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsset(
        Guid id, UpdateAssetRequest request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var asset = await db.FindAssetAsync(workspace, id, tracked: true, cancellationToken);
        if (asset is null)
            return ApiProblems.NotFound("Asset", id.ToString());
        var errors = request.Fields.Validate(CurrentDetails(asset), out var details);
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
        }
        return TypedResults.Ok(AssetResponse.From(asset));
    }

    public static async Task<Results<Ok<AssetHistory>, ProblemHttpResult>> GetHistory(
        Guid id, WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken)
    {
        var asset = await db.FindAssetAsync(workspace, id, tracked: false, cancellationToken);
        return asset is null ? ApiProblems.NotFound("Asset", id.ToString()) : TypedResults.Ok(AssetHistory.Of(asset));
    }

    private static AssetDetails CurrentDetails(Asset a) => new(a.Title, a.Description, a.Kind, a.ContentHash, a.PerceptualHash,
        a.DurationSeconds, a.Width, a.Height, a.Topics, a.VisualElements, a.Format, a.Language, a.Attributes);
}
