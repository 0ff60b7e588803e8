using System.ComponentModel.DataAnnotations;

namespace CreatorMeta.Gateway;

/// <summary>Configuration section "Gateway".</summary>
public sealed class GatewayOptions
{
    /// <summary>Key that may create workspaces and API keys (/admin). Without it, /admin answers 403.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>When set (by the AppHost, in development), this key is registered for the "dev" workspace at start.</summary>
    public string? DevelopmentApiKey { get; set; }

    [Range(1, 100_000)]
    public int RequestsPerSecondPerKey { get; set; } = 50;

    [Range(1, 1_000_000)]
    public int BurstPerKey { get; set; } = 200;

    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 600)]
    public int UpstreamTimeoutSeconds { get; set; } = 30;
}
