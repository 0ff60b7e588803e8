using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CreatorMeta.ServiceDefaults.Workspaces;

/// <summary>
/// The workspace a request acts in. Services take it from the <c>X-Workspace-Id</c> header that only the gateway sets
/// (it overwrites whatever a caller sent), so handlers bind it like any other parameter.
/// </summary>
public readonly partial record struct WorkspaceId(string Value)
{
    public const string Header = "X-Workspace-Id";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static ValueTask<WorkspaceId> BindAsync(HttpContext context) =>
        ValueTask.FromResult(new WorkspaceId(context.Request.Headers[Header].ToString()));

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex Pattern();
}

public static class WorkspaceMiddleware
{
    /// <summary>Refuses any /api request that arrives without a workspace, so no handler can run unscoped.</summary>
    public static IApplicationBuilder UseTrustedWorkspace(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/api") && !WorkspaceId.IsValid(context.Request.Headers[WorkspaceId.Header]))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No workspace",
                detail: $"Requests must come through the gateway, which sets {WorkspaceId.Header}.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
