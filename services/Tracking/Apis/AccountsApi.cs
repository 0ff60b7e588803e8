using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Apis;

public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/v1/accounts").WithTags("Accounts");
        accounts.MapPost("/", RegisterAccount);
        accounts.MapGet("/", ListAccounts);
        accounts.MapGet("/{id:guid}", GetAccount);
        return app;
    }

    public sealed record RegisterAccountRequest(string? Platform, string? Handle, string? ExternalId, string? TimeZone);

    public sealed record AccountResponse(string Id, string Platform, string Handle, string? ExternalId, string TimeZone, DateTimeOffset CreatedAt)
    {
        public static AccountResponse From(PlatformAccount a) => new(a.Id.ToString(), a.Platform, a.Handle, a.ExternalId, a.TimeZone, a.CreatedAt);
    }

    public sealed record AccountList(IReadOnlyList<AccountResponse> Items);

    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult, ValidationProblem>> RegisterAccount(
        RegisterAccountRequest request, WorkspaceId workspace, TrackingDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var platform = Platforms.Normalize(request.Platform);
        if (platform is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        if (string.IsNullOrWhiteSpace(request.Handle) || request.Handle.Length > 200)
            errors["handle"] = ["A handle of 1–200 characters is required."];
        if (request.TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out var zone) || !zone.HasIanaId)
            errors["timeZone"] = ["timeZone must be an IANA time zone, e.g. Europe/Berlin."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var handle = request.Handle!.Trim();
        if (await db.Accounts.AnyAsync(a => a.WorkspaceId == workspace.Value && a.Platform == platform && a.Handle == handle, cancellationToken))
            return ApiProblems.Conflict("account-exists", "Account exists", $"{platform} account '{handle}' is already registered.");
        var account = PlatformAccount.Register(workspace.Value, platform!, handle, request.ExternalId?.Trim(), request.TimeZone!, clock.GetUtcNow());
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", AccountResponse.From(account));
    }

    public static async Task<Ok<AccountList>> ListAccounts(WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken, string? platform = null)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.WorkspaceId == workspace.Value && (platform == null || a.Platform == platform))
            .OrderBy(a => a.Platform).ThenBy(a => a.Handle).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AccountList(accounts.Select(AccountResponse.From).ToList()));
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAccount(
        Guid id, WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.WorkspaceId == workspace.Value, cancellationToken);
        return account is null ? ApiProblems.NotFound("Account", id.ToString()) : TypedResults.Ok(AccountResponse.From(account));
    }
}
