using CreatorMeta.Tracking.Domain;

namespace CreatorMeta.Tracking.Apis;

/// <summary>
/// Everything that happened to an asset, oldest first: registration, each publication, each edit, each removal (a
/// tombstone, with the last numbers known before the post went away).
/// </summary>
public sealed record AssetHistory(string AssetId, IReadOnlyList<HistoryEntry> Items)
{
    public static AssetHistory Of(Asset asset, IReadOnlyDictionary<Guid, PublicationPerformance> performance, AccountTimeZones zones)
    {
        var items = new List<HistoryEntry> { new(asset.CreatedAt, "registered") };
        foreach (var p in asset.Publications)
        {
            foreach (var v in p.Versions.OrderBy(v => v.Version))
                items.Add(new HistoryEntry(v.ValidFrom, v.Version == 1 ? "published" : "edited", p.Id.ToString(), p.Platform, p.Account,
                    p.PostUrl, v.Version, v.Caption, v.Hashtags, v.Version == 1 ? p.RepurposeReason : null, Local: zones.Of(p.Platform, p.Account, v.ValidFrom)));
            if (p.RemovedAt is { } removed)
                items.Add(new HistoryEntry(removed, "removed", p.Id.ToString(), p.Platform, p.Account, p.PostUrl, Reason: p.RemovalReason,
                    LastKnownMetrics: performance.GetValueOrDefault(p.Id)?.Metrics, Local: zones.Of(p.Platform, p.Account, removed)));
        }
        if (asset.ArchivedAt is { } archived)
            items.Add(new HistoryEntry(archived, "archived"));
        return new AssetHistory(asset.Id.ToString(), items.OrderBy(i => i.At).ThenBy(i => Order(i.Kind)).ToList());
    }

    private static int Order(string kind) => kind switch { "registered" => 0, "published" => 1, "edited" => 2, "removed" => 3, _ => 4 };
}

public sealed record HistoryEntry(
    DateTimeOffset At, string Kind, string? PublicationId = null, string? Platform = null, string? Account = null, string? PostUrl = null,
    int? Version = null, string? Caption = null, IReadOnlyList<string>? Hashtags = null, string? Reason = null,
    IReadOnlyDictionary<string, double>? LastKnownMetrics = null, LocalTime? Local = null);
