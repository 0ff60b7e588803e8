namespace CreatorMeta.ServiceDefaults.Trust;

/// <summary>
/// Configuration section "Trust": the gateway's ECDSA P-256 key pair (docs/decisions/0010). The gateway holds the private
/// key and signs; every service holds only the public key and verifies, so no service can mint a claim.
/// </summary>
public sealed class TrustOptions
{
    /// <summary>The gateway's private key, PKCS#8 DER in base64. Only the gateway has it.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The gateway's public key, SubjectPublicKeyInfo DER in base64. Every service has it.</summary>
    public string? VerificationKey { get; set; }

    /// <summary>How long a claim is good for: long enough for one request and the gRPC calls it makes, no longer.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(60);
}
