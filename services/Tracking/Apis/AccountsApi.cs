using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using CreatorMeta.Tracking.Messaging;
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
        var handle = AccountHandles.Normalize(request.Handle);
        if (handle is null)
            errors["handle"] = [AccountHandles.Requirement];
        if (request.ExternalId is { Length: > 200 })
            errors["externalId"] = ["externalId has at most 200 characters."];
        if (request.TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out var zone) || !zone.HasIanaId)
            errors["timeZone"] = ["timeZone must be an IANA time zone, e.g. Europe/Berlin."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var account = PlatformAccount.Register(workspace.Value, platform!, handle!, request.ExternalId?.Trim(), request.TimeZone!, clock.GetUtcNow());
        db.Accounts.Add(account);
        db.AccountRegistered(account, clock.GetUtcNow());
        try
        {
            // The unique key on (workspace, platform, handle) decides, so two registrations at once cannot both win.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return ApiProblems.Conflict("account-exists", "Account exists", $"{platform} account '{handle}' is already registered.");
        }
        return TypedResults.Created($"/api/v1/accounts/{account.Id}", AccountResponse.From(account));
    }

    public static async Task<Results<Ok<AccountList>, ValidationProblem>> ListAccounts(
        WorkspaceId workspace, TrackingDb db, CancellationToken cancellationToken, string? platform = null)
    {
        var known = Platforms.Normalize(platform);
        if (platform is not null && known is null)
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["platform"] = ["Platform " + Platforms.MustBeOneOf] });
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.WorkspaceId == workspace.Value && (known == null || a.Platform == known))
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
