namespace CreatorMeta.Tracking.Domain;

/// <summary>
/// Whether an earlier publication of the same content on the same platform account stands in the way of a new one:
/// while it is live, and for the platform's cooldown after it went out even if it was taken down since.
/// </summary>
public static class DuplicateGuard
{
    public static string? Reason(Guid assetId, Publication earlier, DateTimeOffset now, TimeSpan cooldown) =>
        earlier.Status == PublicationStatus.Live
            ? earlier.AssetId == assetId ? "already-published" : "same-content-published"
            : now - earlier.PublishedAt < cooldown ? "cooldown" : null;

    public static string Describe(Publication earlier, string reason) => reason switch
    {
        "cooldown" => $"Went out on {earlier.Platform} account '{earlier.Account}' on {earlier.PublishedAt:O} and was removed; the platform's cooldown has not passed.",
        _ => $"Live on {earlier.Platform} account '{earlier.Account}' since {earlier.PublishedAt:O}" + (earlier.PostUrl is null ? "." : $" ({earlier.PostUrl})."),
    };
}
