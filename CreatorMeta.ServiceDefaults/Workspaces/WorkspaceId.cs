using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CreatorMeta.ServiceDefaults.Workspaces;

/// <summary>
/// The workspace a request acts in: the one the gateway's signed claim names (Trust/GatewayTrust), so handlers bind it
/// like any other parameter and never read it from anything a caller could set.
/// </summary>
public readonly partial record struct WorkspaceId(string Value)
{
    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    public static ValueTask<WorkspaceId> BindAsync(HttpContext context) =>
        ValueTask.FromResult(new WorkspaceId(context.Features.Get<Trust.CallerClaim>()?.WorkspaceId ?? ""));

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex Pattern();
}
