namespace CreatorMeta.Calendar.Domain;

/// <summary>A wall-clock time in a zone, resolved to the one instant it names.</summary>
public sealed record ZonedTime(DateTime Local, TimeZoneInfo Zone, DateTimeOffset Instant)
{
    /// <summary>
    /// Resolves a local time, refusing the ones daylight-saving time makes ambiguous: a time skipped by a spring-forward
    /// gap does not exist, and one repeated by a fall-back happens twice, so neither is scheduled silently.
    /// </summary>
    public static ZonedTime? Resolve(DateTime local, TimeZoneInfo zone, out ScheduleConflict? conflict)
    {
        conflict = null;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            conflict = new ScheduleConflict("nonexistent-local-time",
                $"{local:yyyy-MM-ddTHH:mm} does not exist in {zone.Id}: the clocks skip it for daylight-saving time.");
            return null;
        }
        if (zone.IsAmbiguousTime(local))
        {
            conflict = new ScheduleConflict("ambiguous-local-time",
                $"{local:yyyy-MM-ddTHH:mm} happens twice in {zone.Id} as the clocks fall back; choose a time outside that hour.");
            return null;
        }
        var offset = zone.GetUtcOffset(local);
        return new ZonedTime(local, zone, new DateTimeOffset(local, offset).ToUniversalTime());
    }
}

/// <summary>One reason a plan cannot stand, in words and as a machine-readable reason.</summary>
public sealed record ScheduleConflict(string Reason, string Detail, string? PublicationId = null, string? PostUrl = null, string? EntryId = null);
