using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Importing;
using CreatorMeta.Tracking.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Apis;

public static class ImportApi
{
    public const int MaxRows = 5000;

    /// <summary>
    /// Up to this many rows are imported while the client waits (about 10 ms a row, so a few seconds at most); a larger
    /// import is accepted as a job whose results the client reads when it is done, never cut off by a gateway timeout.
    /// </summary>
    public const int MaxRowsAnsweredAtOnce = 200;

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var publications = app.MapGroup("/api/v1/publications").WithTags("Publications");
        publications.MapPost("/import", Import);
        publications.MapGet("/imports/{id:guid}", GetImportJob);
        return app;
    }

    public sealed record ImportRequest(IReadOnlyList<ImportRow>? Rows);

    public sealed record ImportSummary(int Created, int Existing, int Rejected, IReadOnlyList<ImportResult> Results)
    {
        public static ImportSummary Of(IReadOnlyList<ImportResult> results) => new(
            results.Count(r => r.Status == "created"), results.Count(r => r.Status == "existing"), results.Count(r => r.Status == "rejected"), results);
    }

    /// <summary>An import running as a job: how far it is, and every row's result so far (rows are imported in order).</summary>
    public sealed record ImportJobResponse(string Id, ImportJobStatus Status, int Total, int Processed, DateTimeOffset CreatedAt,
        DateTimeOffset? CompletedAt, ImportSummary Summary)
    {
        public static ImportJobResponse From(ImportJob job) =>
            new(job.Id.ToString(), job.Status, job.Total, job.Results.Count, job.CreatedAt, job.CompletedAt, ImportSummary.Of(job.Results));
    }

    /// <summary>Imports each row on its own: a bad row is reported by index and leaves the others untouched.</summary>
    public static async Task<Results<Ok<ImportSummary>, Accepted<ImportJobResponse>, ValidationProblem>> Import(
        ImportRequest request, WorkspaceId workspace, PublicationImporter importer, TrackingDb db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (request.Rows is not { Count: > 0 and <= MaxRows } rows || rows.Any(row => row is null))
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["rows"] = [$"Send 1 to {MaxRows} rows, each an object."] });
        if (rows.Count > MaxRowsAnsweredAtOnce)
        {
            var job = ImportJob.Accept(workspace.Value, rows, clock.GetUtcNow());
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Accepted($"/api/v1/publications/imports/{job.Id}", ImportJobResponse.From(job));
        }
        var results = new List<ImportResult>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            results.Add(await importer.ImportAsync(workspace, i, rows[i], cancellationToken));
        return TypedResults.Ok(ImportSummary.Of(results));
    }

    public static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetImportJob(
        Guid id, WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.WorkspaceId == workspace.Value, cancellationToken);
        return job is null ? ApiProblems.NotFound("Import", id.ToString()) : TypedResults.Ok(ImportJobResponse.From(job));
    }
}
