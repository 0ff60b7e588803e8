using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CreatorMeta.ServiceDefaults.Trust;

/// <summary>Caller claims as compact JWTs signed with ES256 by the gateway, and their verification in the services.</summary>
public static class ClaimTokens
{
    public const string Issuer = "creatormeta-gateway";
    public const string Audience = "creatormeta-services";
    private const string WorkspaceClaim = "ws", KeyClaim = "key", RoleClaim = "role";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static ECDsa ImportPrivateKey(string base64)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(base64), out _);
        return key;
    }

    public static ECDsa ImportPublicKey(string base64)
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64), out _);
        return key;
    }

    public static string Issue(ECDsa signingKey, CallerClaim claim, DateTimeOffset now, TimeSpan lifetime) => Handler.CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = (now + lifetime).UtcDateTime,
        Claims = new Dictionary<string, object> { [WorkspaceClaim] = claim.WorkspaceId, [KeyClaim] = claim.KeyId, [RoleClaim] = claim.Role },
        SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signingKey), SecurityAlgorithms.EcdsaSha256),
    });

    /// <summary>The claim and when it expires; null for a token that is malformed, forged, expired or meant for someone else.</summary>
    public static async Task<(CallerClaim Claim, DateTimeOffset Expires)?> VerifyAsync(ECDsa verificationKey, string token)
    {
        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = new ECDsaSecurityKey(verificationKey),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ClockSkew = TimeSpan.FromSeconds(5),
            RequireExpirationTime = true,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>(WorkspaceClaim, out var workspace) || !jwt.TryGetPayloadValue<string>(KeyClaim, out var key)
            || !jwt.TryGetPayloadValue<string>(RoleClaim, out var role))
            return null;
        return (new CallerClaim(workspace, key, role), new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero));
    }
}
