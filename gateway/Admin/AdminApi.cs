using System.Security.Cryptography;
using CreatorMeta.Gateway.Auth;
using CreatorMeta.Gateway.Forwarding;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.ServiceDefaults.Trust;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Gateway.Admin;

/// <summary>Workspace and key administration, behind the administration key (Gateway:AdminApiKey).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Administration").AddEndpointFilter(RequireAdminKey);
        admin.MapPost("/workspaces", CreateWorkspace);
        admin.MapPost("/workspaces/{workspaceId}/api-keys", CreateApiKey);
        admin.MapGet("/services/{service}/outbox/parked", (string service, HttpContext context, Forwarder forwarder) =>
            Operate(service, "/admin/outbox/parked", context, forwarder));
        admin.MapPost("/services/{service}/outbox/parked/{id:guid}/redrive", (string service, Guid id, HttpContext context, Forwarder forwarder) =>
            Operate(service, $"/admin/outbox/parked/{id}/redrive", context, forwarder));
        return app;
    }

    public sealed record CreateWorkspaceRequest(string? Id, string? Name);

    /// <summary>The key is shown here once; only its digest is stored.</summary>
    public sealed record IssuedApiKey(string WorkspaceId, string ApiKey);

    public static async Task<Results<Created<IssuedApiKey>, ProblemHttpResult, ValidationProblem>> CreateWorkspace(
        CreateWorkspaceRequest request, ApiKeyStore store, CancellationToken cancellationToken)
    {
        var id = request.Id ?? "ws-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        if (!WorkspaceId.IsValid(id))
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["id"] = ["A workspace id is 1–64 lower-case letters, digits, '-' or '_', starting with a letter or digit."],
            });
        if (await store.WorkspaceExistsAsync(id, cancellationToken))
            return ApiProblems.Conflict("workspace-exists", "Workspace exists", $"Workspace '{id}' already exists.");
        var key = ApiKeys.Generate();
        await store.RegisterAsync(id, request.Name ?? id, "initial key", key, cancellationToken);
        return TypedResults.Created($"/admin/workspaces/{id}", new IssuedApiKey(id, key));
    }

    public static async Task<Results<Created<IssuedApiKey>, ProblemHttpResult>> CreateApiKey(
        string workspaceId, ApiKeyStore store, CancellationToken cancellationToken)
    {
        if (!await store.WorkspaceExistsAsync(workspaceId, cancellationToken))
            return ApiProblems.NotFound("Workspace", workspaceId);
        var key = ApiKeys.Generate();
        await store.RegisterAsync(workspaceId, workspaceId, "issued key", key, cancellationToken);
        return TypedResults.Created($"/admin/workspaces/{workspaceId}", new IssuedApiKey(workspaceId, key));
    }

    /// <summary>The services whose outbox an operator can inspect: those that publish events.</summary>
    private static readonly string[] Publishers = [ResourceNames.Tracking, ResourceNames.MetricsIngestion, ResourceNames.Calendar];

    /// <summary>An operator's request to one service, signed as the administrator's: parked messages, and re-driving one.</summary>
    private static async Task Operate(string service, string path, HttpContext context, Forwarder forwarder)
    {
        if (!Publishers.Contains(service))
        {
            await ApiProblems.NotFound("Service", service).ExecuteAsync(context);
            return;
        }
        await forwarder.ForwardAsync(context, service, path, new Caller(Guid.Empty, "", CallerClaim.AdminRole));
    }

    public static async Task SeedDevelopmentKeyAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.DevelopmentApiKey is { } key)
            await app.Services.GetRequiredService<ApiKeyStore>().RegisterAsync("dev", "Development", "development key", key, app.Lifetime.ApplicationStopping);
    }

    private static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (ApiKeyAuthentication.IsAdmin(http))
            return await next(context);
        return GatewayTrust.BearerToken(http.Request) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Send the administration key as 'Authorization: Bearer <key>'.")
            : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Only the administration key may manage workspaces.");
    }
}
