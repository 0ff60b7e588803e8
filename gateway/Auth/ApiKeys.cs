using System.Security.Cryptography;
using System.Text;

namespace CreatorMeta.Gateway.Auth;

/// <summary>API keys: "cm_" and 32 random bytes, known to the server only by their SHA-256 digest.</summary>
public static class ApiKeys
{
    public static string Generate() => "cm_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Compares digests in constant time, so response timing says nothing about a guessed key.</summary>
    public static bool Matches(string presented, string? expected) =>
        expected is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), Hash(expected));
}

/// <summary>Who is calling: the key's id (for rate limiting), the workspace it acts in, and its role there.</summary>
public sealed record Caller(Guid KeyId, string WorkspaceId, string Role = ServiceDefaults.Trust.CallerClaim.MemberRole);
