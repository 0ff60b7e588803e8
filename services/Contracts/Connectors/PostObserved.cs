namespace CreatorMeta.Contracts.Connectors;

/// <summary>
/// A connector saw a post on a platform (made inside or outside CreatorMeta), for retrospective tracking. Identify the
/// post by <see cref="Url"/> or by <see cref="Platform"/> and <see cref="ExternalPostId"/>; hashes let tracking match
/// it to an asset. Plain JSON to <see cref="ConnectorExchange.Name"/>, routing key <see cref="ConnectorExchange.PostObserved"/>.
/// </summary>
public sealed record PostObserved(
    string WorkspaceId,
    string? Platform,
    string? ExternalPostId,
    string? Url,
    string Account,
    DateTimeOffset PublishedAt,
    string? Caption,
    IReadOnlyList<string>? Hashtags,
    string? ContentHash,
    string? PerceptualHash,
    string? Title,
    string? Kind);
