using System.Net.Http.Headers;
using CreatorMeta.AppHost;
using CreatorMeta.ServiceDefaults.Trust;

namespace CreatorMeta.Testing;

/// <summary>
/// The test run stands in for the gateway when it calls a service directly: services under test get the public half of
/// this run's key, and test clients sign a fresh claim for each request with the private half.
/// </summary>
public static class TestTrust
{
    public static TrustKeys Keys { get; } = TrustKeys.Generate();

    private static readonly System.Security.Cryptography.ECDsa SigningKey = ClaimTokens.ImportPrivateKey(Keys.SigningKey);

    public static string Token(string workspace, string role = CallerClaim.MemberRole, DateTimeOffset? issuedAt = null) =>
        ClaimTokens.Issue(SigningKey, new CallerClaim(workspace, "test-key", role), issuedAt ?? DateTimeOffset.UtcNow, TimeSpan.FromSeconds(60));

    /// <summary>Signs each request as the gateway would for <paramref name="workspace"/>.</summary>
    public sealed class Handler(string workspace, string role = CallerClaim.MemberRole) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(workspace, role));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
