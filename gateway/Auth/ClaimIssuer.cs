using System.Security.Cryptography;
using CreatorMeta.ServiceDefaults.Trust;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Gateway.Auth;

/// <summary>
/// Signs the claim the services act on, for an authenticated caller. A caller's token is reused for half its lifetime,
/// so the gateway signs (and each service verifies) once per caller every half minute, not once per request.
/// </summary>
public sealed class ClaimIssuer(IOptions<TrustOptions> options, IMemoryCache cache, TimeProvider clock)
{
    private readonly ECDsa _key = ClaimTokens.ImportPrivateKey(options.Value.SigningKey!);

    public string TokenFor(Caller caller)
    {
        var claim = new CallerClaim(caller.WorkspaceId, caller.KeyId.ToString(), caller.Role);
        return cache.GetOrCreate("claim:" + claim, entry =>
        {
            var lifetime = options.Value.Lifetime;
            entry.AbsoluteExpirationRelativeToNow = lifetime / 2;
            return ClaimTokens.Issue(_key, claim, clock.GetUtcNow(), lifetime);
        })!;
    }
}
