using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.ServiceDefaults.Problems;

/// <summary>The problem responses handlers return; each domain problem has a stable <c>type</c> clients can switch on.</summary>
public static class ApiProblems
{
    public const string TypeBase = "https://creatormeta.dev/problems/";

    public static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound, type: TypeBase + "not-found", title: $"{what} not found",
        detail: $"No {what.ToLowerInvariant()} '{id}' exists in this workspace.");

    public static ProblemHttpResult Conflict(string slug, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: TypeBase + slug, title: title, detail: detail, extensions: extensions);

    /// <summary>A change made against a version (If-Match) that is no longer the current one: nothing was changed.</summary>
    public static ProblemHttpResult PreconditionFailed(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed, type: TypeBase + "stale-version", title: "Changed since it was read", detail: detail);

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, type: TypeBase + "validation", title: "The request is not valid.");
}
