using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Importing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.Tracking.Apis;

public static class ImportApi
{
    public const int MaxRows = 5000;

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/publications/import", Import).WithTags("Publications");
        return app;
    }

    public sealed record ImportRequest(IReadOnlyList<ImportRow>? Rows);

    public sealed record ImportSummary(int Created, int Existing, int Rejected, IReadOnlyList<ImportResult> Results);

    /// <summary>Imports each row on its own: a bad row is reported by index and leaves the others untouched.</summary>
    public static async Task<Results<Ok<ImportSummary>, ValidationProblem>> Import(
        ImportRequest request, WorkspaceId workspace, PublicationImporter importer, CancellationToken cancellationToken)
    {
        if (request.Rows is not { Count: > 0 and <= MaxRows } rows)
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["rows"] = [$"Send 1 to {MaxRows} rows."] });
        var results = new List<ImportResult>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
            results.Add(await importer.ImportAsync(workspace, i, rows[i], cancellationToken));
        return TypedResults.Ok(new ImportSummary(
            results.Count(r => r.Status == "created"), results.Count(r => r.Status == "existing"), results.Count(r => r.Status == "rejected"), results));
    }
}
