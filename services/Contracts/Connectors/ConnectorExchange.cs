namespace CreatorMeta.Contracts.Connectors;

/// <summary>The documented entry point for platform connectors written in any language.</summary>
public static class ConnectorExchange
{
    /// <summary>A durable topic exchange; messages are plain JSON with content type application/json.</summary>
    public const string Name = "creatormeta.connectors";

    /// <summary>Routing key for <see cref="EngagementObserved"/>.</summary>
    public const string EngagementObserved = "engagement.observed";

    /// <summary>Routing key for <see cref="PostObserved"/>.</summary>
    public const string PostObserved = "post.observed";

    /// <summary>Routing key for <see cref="PostRemoved"/>.</summary>
    public const string PostRemoved = "post.removed";

    /// <summary>Routing key for <see cref="TrendObserved"/>.</summary>
    public const string TrendObserved = "trend.observed";
}
