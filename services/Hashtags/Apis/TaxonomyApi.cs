using CreatorMeta.Hashtags.Domain;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CreatorMeta.Hashtags.Apis;

/// <summary>
/// The creator's conventions. A change is validated as a whole and stored whole or not at all; each bumps the version,
/// which is the ETag, and a change sent with If-Match of an older version is refused (412) rather than lost.
/// </summary>
public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomyApi(this IEndpointRouteBuilder app)
    {
        var taxonomy = app.MapGroup("/api/v1/hashtags/taxonomy").WithTags("Hashtags");
        taxonomy.MapGet("/", GetTaxonomy);
        taxonomy.MapPut("/", PutTaxonomy);
        taxonomy.MapPost("/tags", AddTag);
        return app;
    }

    public static async Task<Ok<TaxonomyResponse>> GetTaxonomy(WorkspaceId workspace, HashtagsDb db, HttpResponse response, CancellationToken cancellationToken)
    {
        var stored = await db.ReadTaxonomyAsync(workspace.Value, forUpdate: false, cancellationToken);
        response.Headers.ETag = ETag(stored.Version);
        return TypedResults.Ok(TaxonomyResponse.From(stored));
    }

    public static Task<Results<Ok<TaxonomyResponse>, ValidationProblem, ProblemHttpResult>> PutTaxonomy(TaxonomyRequest request, WorkspaceId workspace,
        HashtagsDb db, TimeProvider clock, HttpRequest http, CancellationToken cancellationToken) =>
        ChangeAsync(workspace, db, clock, http, _ => TaxonomyRules.Validate(request.Tags, request.AlwaysInclude, request.Banned), cancellationToken);

    public static Task<Results<Ok<TaxonomyResponse>, ValidationProblem, ProblemHttpResult>> AddTag(TaxonomyRules.TagInput request, WorkspaceId workspace,
        HashtagsDb db, TimeProvider clock, HttpRequest http, CancellationToken cancellationToken) =>
        ChangeAsync(workspace, db, clock, http, current => current.With(request), cancellationToken);

    private static async Task<Results<Ok<TaxonomyResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(WorkspaceId workspace, HashtagsDb db,
        TimeProvider clock, HttpRequest http, Func<Taxonomy, (Taxonomy? Taxonomy, Dictionary<string, string[]> Errors)> change,
        CancellationToken cancellationToken)
    {
        // A header that does not parse would read as no condition at all and let the change overwrite whatever is stored.
        var ifMatch = http.GetTypedHeaders().IfMatch;
        if (http.Headers.IfMatch.Count > 0 && (ifMatch.Count == 0 || ifMatch.Any(tag => tag.IsWeak)))
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["If-Match"] = ["If-Match is the taxonomy's ETag as sent, in quotes (\"3\"), or *."],
            });
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.ReadTaxonomyAsync(workspace.Value, forUpdate: true, cancellationToken);
        if (ifMatch.Count > 0 && !ifMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) ? current.Version > 0 : tag.Tag.Value == ETag(current.Version)))
            return ApiProblems.PreconditionFailed($"The taxonomy is at version {current.Version}; read it again and apply the change to that.");
        var (taxonomy, errors) = change(current.Taxonomy);
        if (taxonomy is null)
            return ApiProblems.Validation(errors);
        var stored = await db.WriteTaxonomyAsync(workspace.Value, current, taxonomy, clock.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        http.HttpContext.Response.Headers.ETag = ETag(stored.Version);
        return TypedResults.Ok(TaxonomyResponse.From(stored));
    }

    private static string ETag(int version) => $"\"{version}\"";
}
