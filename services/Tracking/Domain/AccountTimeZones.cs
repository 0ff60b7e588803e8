namespace CreatorMeta.Tracking.Domain;

/// <summary>
/// The IANA zones a workspace's registered accounts post in, so each post can also be shown at the wall-clock time its
/// audience saw. Accounts are keyed by their one spelling (AccountHandles), which is how they are stored.
/// </summary>
public sealed class AccountTimeZones
{
    private readonly Dictionary<(string Platform, string Handle), TimeZoneInfo> _zones = [];

    public AccountTimeZones(IEnumerable<PlatformAccount> accounts)
    {
        foreach (var account in accounts)
            if (TimeZoneInfo.TryFindSystemTimeZoneById(account.TimeZone, out var zone))
                _zones.TryAdd((account.Platform, account.Handle), zone);
    }

    /// <summary>The moment in the account's zone; null when the account is not registered.</summary>
    public LocalTime? Of(string platform, string account, DateTimeOffset at) =>
        _zones.TryGetValue((platform, account), out var zone) ? new LocalTime(TimeZoneInfo.ConvertTime(at, zone), zone.Id) : null;
}

/// <summary>A moment as the clock on the wall showed it in <see cref="TimeZone"/>, with that offset.</summary>
public sealed record LocalTime(DateTimeOffset At, string TimeZone);
