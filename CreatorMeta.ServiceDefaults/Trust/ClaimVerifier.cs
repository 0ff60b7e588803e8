using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CreatorMeta.ServiceDefaults.Trust;

/// <summary>
/// Verifies claims with the gateway's public key. The gateway reuses a caller's token for a while, so a verified token is
/// remembered until it expires: a signature check per token, not per request.
/// </summary>
public sealed class ClaimVerifier(IOptions<TrustOptions> options, IMemoryCache cache, TimeProvider clock)
{
    private readonly ECDsa _key = ClaimTokens.ImportPublicKey(options.Value.VerificationKey!);

    public async Task<CallerClaim?> VerifyAsync(string token)
    {
        var cacheKey = "claim:" + token;
        if (cache.TryGetValue(cacheKey, out (CallerClaim Claim, DateTimeOffset Expires) known))
            return known.Expires > clock.GetUtcNow() ? known.Claim : null;
        if (token.Length > 4096 || await ClaimTokens.VerifyAsync(_key, token) is not { } verified)
            return null;
        cache.Set(cacheKey, verified, verified.Expires);
        return verified.Claim;
    }
}
