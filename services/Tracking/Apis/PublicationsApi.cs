using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using CreatorMeta.Tracking.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Tracking.Apis;

public static class PublicationsApi
{
    public static IEndpointRouteBuilder MapPublicationsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/assets/{id:guid}/publications", RecordPublication).WithTags("Publications");
        var publications = app.MapGroup("/api/v1/publications").WithTags("Publications");
        publications.MapGet("/{id:guid}", GetPublication);
        publications.MapPatch("/{id:guid}", EditPublication);
        publications.MapPost("/{id:guid}/removal", RemovePublication);
        return app;
    }

    public static async Task<Results<Created<PublicationResponse>, Ok<PublicationResponse>, ProblemHttpResult, ValidationProblem>> RecordPublication(
        Guid id, RecordPublicationRequest request, WorkspaceId workspace, TrackingDb db, IOptions<TrackingOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = request.Validate(now, out var details);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);

        var zones = await db.AccountTimeZonesAsync(workspace.Value, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The account's lock first, then the asset's row: the order every recording path takes them in, so none deadlock.
        await db.LockAccountAsync(workspace.Value, details.Platform, details.Account, cancellationToken);
        var asset = await db.LockAssetAsync(workspace, id, cancellationToken);
        if (asset is null)
            return ApiProblems.NotFound("Asset", id.ToString());
        if (details.ExternalPostId is not null && await db.FindByExternalIdAsync(workspace.Value, details.Platform, details.ExternalPostId, cancellationToken) is { } known)
        {
            // The platform's post id names one post: recording it again is a replay, not a new publication.
            return known.AssetId == asset.Id ? TypedResults.Ok(PublicationResponse.From(known, zones)) : ExternalPostRecorded(known, zones);
        }
        var conflicts = await db.GuardConflictsAsync(asset, details.Platform, details.Account, options.Value, now, cancellationToken);
        if (conflicts.FirstOrDefault(c => c.Refuses(details.RepurposeReason)) is { } refusal)
            return Refused(refusal, zones);

        var publication = asset.RecordPublication(details, conflicts, now);
        db.PublicationRecorded(publication, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The same platform post recorded at this very moment through another account's request.
            return ApiProblems.Conflict("external-post-recorded", "Post already recorded",
                $"{details.Platform} post '{details.ExternalPostId}' was recorded concurrently; read it back and retry if needed.");
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/publications/{publication.Id}", PublicationResponse.From(publication, zones));
    }

    public static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult>> GetPublication(
        Guid id, WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.WorkspaceId == workspace.Value, cancellationToken);
        return publication is null ? ApiProblems.NotFound("Publication", id.ToString())
            : TypedResults.Ok(PublicationResponse.From(publication, await db.AccountTimeZonesAsync(workspace.Value, cancellationToken)));
    }

    public static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult, ValidationProblem>> EditPublication(
        Guid id, EditPublicationRequest request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.EditedAt > now.AddMinutes(5))
            errors["editedAt"] = ["editedAt cannot be in the future."];
        RequestRules.CheckText(errors, "caption", request.Caption, RequestRules.MaxCaption);
        RequestRules.Hashtags(errors, request.Hashtags, platform: null);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.LockPublicationAsync(workspace, id, cancellationToken) is not (var asset, var publication))
            return ApiProblems.NotFound("Publication", id.ToString());
        if (publication.Status == PublicationStatus.Removed)
            return ApiProblems.Conflict("publication-removed", "Post was removed", "A removed post cannot be edited.");
        // Read again as the publication's platform reads tags ("#🌅" is a tag on Instagram, none on X): refused, not dropped.
        var hashtags = request.Hashtags is null ? publication.Hashtags : RequestRules.Hashtags(errors, request.Hashtags, publication.Platform);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        if (asset.EditPublication(publication, request.Caption ?? publication.Caption, hashtags, request.EditedAt ?? now))
        {
            db.PublicationEdited(publication, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(PublicationResponse.From(publication, await db.AccountTimeZonesAsync(workspace.Value, cancellationToken)));
    }

    public static async Task<Results<Ok<PublicationResponse>, ProblemHttpResult, ValidationProblem>> RemovePublication(
        Guid id, RemovalRequest request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.RemovedAt > now.AddMinutes(5))
            errors["removedAt"] = ["removedAt cannot be in the future."];
        RequestRules.CheckText(errors, "reason", request.Reason, 2000);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.LockPublicationAsync(workspace, id, cancellationToken) is not (var asset, var publication))
            return ApiProblems.NotFound("Publication", id.ToString());
        if (asset.RemovePublication(publication, request.RemovedAt ?? now, request.Reason?.Trim()))
        {
            db.PublicationRemoved(publication, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return TypedResults.Ok(PublicationResponse.From(publication, await db.AccountTimeZonesAsync(workspace.Value, cancellationToken)));
    }

    private static ProblemHttpResult Refused(GuardConflict conflict, AccountTimeZones zones) => conflict.Earlier is not { } earlier
        ? ApiProblems.Conflict(conflict.Reason, "Asset is archived", conflict.Detail)
        : ApiProblems.Conflict("duplicate-publication", "Already published on this account",
            $"{conflict.Detail} Send repurpose: {{reason}} to publish it again deliberately.",
            new Dictionary<string, object?> { ["reason"] = conflict.Reason, ["earlierPublication"] = PublicationResponse.From(earlier, zones) });

    private static ProblemHttpResult ExternalPostRecorded(Publication known, AccountTimeZones zones) => ApiProblems.Conflict(
        "external-post-recorded", "Post already recorded for another asset",
        $"{known.Platform} post '{known.ExternalPostId}' is already recorded as a publication of asset {known.AssetId}.",
        new Dictionary<string, object?> { ["earlierPublication"] = PublicationResponse.From(known, zones) });
}
