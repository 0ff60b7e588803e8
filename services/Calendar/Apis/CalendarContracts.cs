using System.Globalization;
using CreatorMeta.Calendar.Domain;
using CreatorMeta.Contracts;

namespace CreatorMeta.Calendar.Apis;

public sealed record ScheduleRequest(string? AssetId, string? Platform, string? Account, string? LocalTime, string? TimeZone)
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public Dictionary<string, string[]> Validate(out ValidSchedule schedule)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(AssetId, out var assetId))
            errors["assetId"] = ["assetId must be the id of an asset."];
        var platform = Platforms.Normalize(Platform);
        if (platform is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        var account = AccountHandles.Normalize(Account);
        if (account is null)
            errors["account"] = [AccountHandles.Requirement];
        if (!DateTime.TryParseExact(LocalTime, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year > 2200)
            errors["localTime"] = ["localTime is the wall-clock time without offset before 2200, e.g. 2026-12-01T18:30."];
        TimeZoneInfo? zone = null;
        if (TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out zone) || !zone.HasIanaId)
            errors["timeZone"] = ["timeZone must be an IANA time zone, e.g. Europe/Berlin."];
        schedule = new ValidSchedule(assetId, platform ?? "", account ?? "", local, zone ?? TimeZoneInfo.Utc);
        return errors;
    }
}

public sealed record ValidSchedule(Guid AssetId, string Platform, string Account, DateTime Local, TimeZoneInfo Zone);

public sealed record EntryResponse(string Id, string AssetId, string Platform, string Account, string LocalTime, string TimeZone,
    DateTimeOffset ScheduledAt, EntryStatus Status, DateTimeOffset CreatedAt)
{
    public static EntryResponse From(ScheduleEntry e) => new(e.Id.ToString(), e.AssetId.ToString(), e.Platform, e.Account,
        e.LocalTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), e.TimeZone, e.ScheduledAt, e.Status, e.CreatedAt);
}

public sealed record CalendarView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<EntryResponse> Items);
