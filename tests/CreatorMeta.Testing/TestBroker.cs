using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace CreatorMeta.Testing;

/// <summary>
/// Virtual hosts on the test run's broker: each service process under test gets its own, so no test ever competes for
/// another test's queues or counts messages another test left behind.
/// </summary>
public static class TestBroker
{
    private static readonly HttpClient Management = CreateManagementClient();

    /// <summary>A new, empty virtual host the broker's guest user may use; returns its amqp:// address.</summary>
    public static async Task<string> NewVirtualHostAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..12];
        (await Management.PutAsync($"api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await Management.PutAsJsonAsync($"api/permissions/{name}/guest", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new UriBuilder(TestEnvironment.Messaging) { Path = "/" + name }.Uri.ToString();
    }

    /// <summary>Deletes a virtual host made by <see cref="NewVirtualHostAsync"/>, with its queues and exchanges.</summary>
    public static async Task DeleteVirtualHostAsync(string broker)
    {
        var name = new Uri(broker).AbsolutePath.Trim('/');
        if (name.StartsWith("t-", StringComparison.Ordinal))
            await Management.DeleteAsync($"api/vhosts/{name}");
    }

    private static HttpClient CreateManagementClient()
    {
        var management = new Uri(TestEnvironment.MessagingManagement);
        var client = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        return client;
    }
}
