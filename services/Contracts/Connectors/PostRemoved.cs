namespace CreatorMeta.Contracts.Connectors;

/// <summary>
/// A connector found a post gone from its platform. Plain JSON to <see cref="ConnectorExchange.Name"/>,
/// routing key <see cref="ConnectorExchange.PostRemoved"/>.
/// </summary>
public sealed record PostRemoved(
    string WorkspaceId,
    string Platform,
    string ExternalPostId,
    DateTimeOffset RemovedAt,
    string? Reason);
