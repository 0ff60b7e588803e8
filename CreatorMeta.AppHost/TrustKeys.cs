using System.Security.Cryptography;

namespace CreatorMeta.AppHost;

/// <summary>
/// A fresh ECDSA P-256 key pair for each run: the gateway signs caller claims with the private half, the services verify
/// them with the public half (docs/decisions/0010). Claims live a minute, so nothing outlives the run that made the keys.
/// </summary>
public sealed record TrustKeys(string SigningKey, string VerificationKey)
{
    public static TrustKeys Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new TrustKeys(Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }
}
