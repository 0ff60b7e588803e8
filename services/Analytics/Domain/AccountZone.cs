namespace CreatorMeta.Analytics.Domain;

/// <summary>The IANA zone an account posts in: its publications' weekday and hour are read there, as its audience saw them.</summary>
public sealed class AccountZone
{
    private AccountZone() { }

    public string WorkspaceId { get; private set; } = "";
    public string Platform { get; private set; } = "";
    public string Account { get; private set; } = "";
    public string TimeZone { get; private set; } = "";

    public static AccountZone For(string workspaceId, string platform, string account, string timeZone) =>
        new() { WorkspaceId = workspaceId, Platform = platform, Account = account, TimeZone = timeZone };
}
