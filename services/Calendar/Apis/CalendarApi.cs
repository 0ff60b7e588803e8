using CreatorMeta.Calendar.Domain;
using CreatorMeta.Calendar.Grpc;
using CreatorMeta.Calendar.Infrastructure;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Calendar.Apis;

public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        calendar.MapGet("/", GetCalendar);
        calendar.MapPost("/entries", Schedule);
        calendar.MapGet("/entries/{id:guid}", GetEntry);
        calendar.MapDelete("/entries/{id:guid}", Cancel);
        return app;
    }

    public static async Task<Results<Ok<CalendarView>, ValidationProblem>> GetCalendar(
        WorkspaceId workspace, CalendarDb db, TimeProvider clock, CancellationToken cancellationToken,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? platform = null)
    {
        var start = from ?? clock.GetUtcNow();
        var end = to ?? (start < DateTimeOffset.MaxValue.AddDays(-30) ? start.AddDays(30) : DateTimeOffset.MaxValue);
        var known = Platforms.Normalize(platform);
        var errors = new Dictionary<string, string[]>();
        if (end <= start || end - start > TimeSpan.FromDays(366))
            errors["to"] = ["'to' must be after 'from', at most a year later."];
        if (platform is not null && known is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.WorkspaceId == workspace.Value && e.ScheduledAt >= start && e.ScheduledAt < end
                && (known == null || e.Platform == known))
            .OrderBy(e => e.ScheduledAt).ThenBy(e => e.Id)
            .Take(5000)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new CalendarView(start, end, entries.Select(EntryResponse.From).ToList()));
    }

    public static async Task<Results<Created<EntryResponse>, Ok<EntryResponse>, ProblemHttpResult, ValidationProblem>> Schedule(
        ScheduleRequest request, WorkspaceId workspace, CalendarDb db, TrackingClient tracking, TimeProvider clock,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = request.Validate(out var valid);
        if (idempotencyKey is { Length: > 200 })
            errors["Idempotency-Key"] = ["An idempotency key has at most 200 characters."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        // A repeated request is answered from what the first one stored, even while tracking is unreachable.
        if (idempotencyKey is not null && await FindByIdempotencyKey(db, workspace, idempotencyKey, cancellationToken) is { } stored)
            return Replay(stored, valid, idempotencyKey);

        var at = ZonedTime.Resolve(valid.Local, valid.Zone, out var timeConflict);
        if (at is not null && at.Instant <= clock.GetUtcNow())
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["localTime"] = [$"{at.Instant:O} is in the past."] });
        var conflicts = timeConflict is null ? new List<ScheduleConflict>() : [timeConflict];

        IReadOnlyList<Contracts.Tracking.V1.PublicationConflict>? published;
        try
        {
            published = await tracking.CheckPublicationAsync(workspace.Value, valid.AssetId, valid.Platform, valid.Account, cancellationToken);
        }
        catch (GrpcException e)
        {
            // Without the ledger we cannot tell a repeat post from a new one, so we refuse rather than guess.
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Tracking unavailable",
                detail: $"The duplicate check could not be made ({e.Status}); try again shortly.");
        }
        if (published is null)
            return ApiProblems.NotFound("Asset", valid.AssetId.ToString());
        conflicts.AddRange(published.Select(p => new ScheduleConflict(p.Reason, p.Detail, NullIfEmpty(p.PublicationId), NullIfEmpty(p.PostUrl))));

        // The ledger is asked before any lock is taken, so a slow answer never holds one.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (idempotencyKey is not null)
        {
            // Requests with one key wait here for each other, so a second one sees what the first stored and gets its answer.
            await db.LockUntilCommitAsync($"calendar/{workspace.Value}/idempotency/{idempotencyKey}", cancellationToken);
            if (await FindByIdempotencyKey(db, workspace, idempotencyKey, cancellationToken) is { } replay)
                return Replay(replay, valid, idempotencyKey);
        }
        await db.LockAccountAsync(workspace.Value, valid.Platform, valid.Account, cancellationToken);
        var alreadyPlanned = await db.Entries
            .Where(e => e.WorkspaceId == workspace.Value && e.AssetId == valid.AssetId && e.Platform == valid.Platform && e.Account == valid.Account
                && (e.Status == EntryStatus.Planned || e.Status == EntryStatus.Scheduled || e.Status == EntryStatus.Publishing))
            .ToListAsync(cancellationToken);
        conflicts.AddRange(alreadyPlanned.Select(e => new ScheduleConflict("already-scheduled",
            $"Already scheduled on {e.Platform} account '{e.Account}' for {e.ScheduledAt:O}.", EntryId: e.Id.ToString())));
        if (conflicts.Count > 0 || at is null)
            return ApiProblems.Conflict("schedule-conflict", "The plan conflicts",
                string.Join(" ", conflicts.Select(c => c.Detail)), new Dictionary<string, object?> { ["conflicts"] = conflicts });

        var entry = ScheduleEntry.Schedule(workspace.Value, valid.AssetId, valid.Platform, valid.Account, at, idempotencyKey, clock.GetUtcNow());
        db.Entries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/calendar/entries/{entry.Id}", EntryResponse.From(entry));
    }

    public static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> GetEntry(
        Guid id, WorkspaceId workspace, CalendarDb db, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.WorkspaceId == workspace.Value, cancellationToken);
        return entry is null ? ApiProblems.NotFound("Calendar entry", id.ToString()) : TypedResults.Ok(EntryResponse.From(entry));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Cancel(
        Guid id, WorkspaceId workspace, CalendarDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id && e.WorkspaceId == workspace.Value, cancellationToken);
        if (entry is null)
            return ApiProblems.NotFound("Calendar entry", id.ToString());
        if (entry.Status == EntryStatus.Canceled)
            return TypedResults.NoContent();
        if (!entry.Cancel(clock.GetUtcNow()))
            return ApiProblems.Conflict("entry-not-cancelable", "Too late to cancel", $"The entry is already {entry.Status.ToString().ToLowerInvariant()}.");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Results<Created<EntryResponse>, Ok<EntryResponse>, ProblemHttpResult, ValidationProblem> Replay(
        ScheduleEntry replay, ValidSchedule request, string idempotencyKey) =>
        replay.Matches(request.AssetId, request.Platform, request.Account, request.Local, request.Zone.Id)
            ? TypedResults.Ok(EntryResponse.From(replay))
            : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, type: ApiProblems.TypeBase + "idempotency-key-reused",
                title: "Idempotency key reused", detail: $"Key '{idempotencyKey}' was first used for a different plan ({replay.Id}); use a new key.");

    private static Task<ScheduleEntry?> FindByIdempotencyKey(CalendarDb db, WorkspaceId workspace, string key, CancellationToken cancellationToken) =>
        db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.WorkspaceId == workspace.Value && e.IdempotencyKey == key, cancellationToken);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
