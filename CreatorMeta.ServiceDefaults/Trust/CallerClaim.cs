namespace CreatorMeta.ServiceDefaults.Trust;

/// <summary>
/// Who a request acts for, as the gateway vouches for it in a signed, short-lived token: the workspace, the API key that
/// authenticated the caller, and the caller's role. Services act on nothing else.
/// </summary>
public sealed record CallerClaim(string WorkspaceId, string KeyId, string Role)
{
    /// <summary>A workspace's API key: acts within that workspace only.</summary>
    public const string MemberRole = "member";

    /// <summary>The administration key: operates the services themselves (parked messages, say), in no workspace.</summary>
    public const string AdminRole = "admin";
}
