using System.Text.Json;

namespace CreatorMeta.Contracts.Connectors;

/// <summary>
/// A connector read a post's engagement numbers, named as the platform names them. Connectors in any language
/// publish this as plain JSON (camelCase, no envelope) to the topic exchange <see cref="ConnectorExchange.Name"/>
/// with routing key <see cref="ConnectorExchange.EngagementObserved"/>.
/// </summary>
public sealed record EngagementObserved(
    string WorkspaceId,
    string Platform,
    string Account,
    string ExternalPostId,
    DateTimeOffset ObservedAt,
    string Source,
    string SourceEventId,
    IReadOnlyDictionary<string, JsonElement> Metrics);
