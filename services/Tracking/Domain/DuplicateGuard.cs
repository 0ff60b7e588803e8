namespace CreatorMeta.Tracking.Domain;

/// <summary>One reason a publication may not go out, with the earlier post in the way (none when the asset is archived).</summary>
public sealed record GuardConflict(string Reason, string Detail, Publication? Earlier)
{
    /// <summary>A deliberate repurpose, with its reason, may go past an earlier post; nothing goes past an archived asset.</summary>
    public bool Refuses(string? repurposeReason) => Earlier is null || string.IsNullOrWhiteSpace(repurposeReason);
}

/// <summary>
/// The one decision on whether an asset may go out on a platform account now, which the REST API, gRPC CheckPublication
/// (and so the calendar) and imports all take: an archived asset may not; nor may content whose earlier post there is
/// live, or went out within the platform's cooldown even if it was taken down since.
/// </summary>
public static class DuplicateGuard
{
    /// <summary>
    /// Every reason, earliest post first. <paramref name="candidates"/> are the account's publications of the same
    /// content: of the asset itself, of an asset with the same SHA-256, or of one whose perceptual hash is near.
    /// </summary>
    public static IReadOnlyList<GuardConflict> Conflicts(Asset asset, IEnumerable<Publication> candidates, DateTimeOffset now, TimeSpan cooldown)
    {
        var conflicts = new List<GuardConflict>();
        if (asset.Status == AssetStatus.Archived)
            conflicts.Add(new GuardConflict("asset-archived", "The asset is archived; restore it before publishing it.", null));
        foreach (var earlier in candidates.OrderBy(p => p.PublishedAt).ThenBy(p => p.Id))
            if (Reason(asset.Id, earlier, now, cooldown) is { } reason)
                conflicts.Add(new GuardConflict(reason, Describe(earlier, reason), earlier));
        return conflicts;
    }

    private static string? Reason(Guid assetId, Publication earlier, DateTimeOffset now, TimeSpan cooldown) =>
        earlier.Status == PublicationStatus.Live
            ? earlier.AssetId == assetId ? "already-published" : "same-content-published"
            : now - earlier.PublishedAt < cooldown ? "cooldown" : null;

    private static string Describe(Publication earlier, string reason) => reason switch
    {
        "cooldown" => $"Went out on {earlier.Platform} account '{earlier.Account}' on {earlier.PublishedAt:O} and was removed; the platform's cooldown has not passed.",
        _ => $"Live on {earlier.Platform} account '{earlier.Account}' since {earlier.PublishedAt:O}" + (earlier.PostUrl is null ? "." : $" ({earlier.PostUrl})."),
    };
}
