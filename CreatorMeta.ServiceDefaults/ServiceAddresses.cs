using Microsoft.Extensions.Configuration;

namespace CreatorMeta.ServiceDefaults;

/// <summary>Finds another service's endpoint the way Aspire passes it: <c>services__{name}__{endpoint}__0</c>.</summary>
public static class ServiceAddresses
{
    public static Uri Resolve(IConfiguration configuration, string service, string endpoint)
    {
        var key = $"services:{service}:{endpoint}:0";
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
            throw new InvalidOperationException(
                $"Configuration '{key}' (environment services__{service}__{endpoint}__0) must be the absolute URL of {service}'s {endpoint} endpoint.");
        return uri;
    }
}
