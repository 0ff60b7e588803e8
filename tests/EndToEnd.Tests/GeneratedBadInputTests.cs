using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CreatorMeta.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>
/// Thousands of generated malformed requests (bodies, query strings, ids, headers) at every public route, through the
/// gateway of the running system: none may get a 5xx, every refusal is problem+json, and the workspace is unchanged.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class GeneratedBadInputTests(AppHostProcess system)
{
    private const int Requests = 4000;

    [Fact]
    public async Task No_generated_bad_input_gets_a_5xx_or_changes_anything()
    {
        var admin = Client(AppHostProcess.AdminKey);
        var issued = await (await admin.PostJsonAsync("/admin/workspaces", new { name = "generated input" })).JsonAsync(HttpStatusCode.Created);
        var api = Client(issued.GetProperty("apiKey").GetString()!);
        var asset = await (await api.PostJsonAsync("/api/v1/assets", new { title = "Pier", kind = "video", topics = new[] { "travel" } })).JsonAsync(HttpStatusCode.Created);
        var publication = await (await api.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            new { platform = "youtube", account = "@jamal", postUrl = "https://youtu.be/dQw4w9WgXcQ", publishedAt = "2026-10-01T00:00:00Z" })).JsonAsync(HttpStatusCode.Created);
        await (await api.PostJsonAsync("/api/v1/accounts", new { platform = "youtube", handle = "@jamal", timeZone = "Europe/Berlin" })).JsonAsync(HttpStatusCode.Created);
        await (await api.PostJsonAsync("/api/v1/calendar/entries", new { assetId = asset.Id(), platform = "tiktok", account = "@jamal", localTime = "2027-05-01T10:00", timeZone = "Europe/Berlin" }))
            .JsonAsync(HttpStatusCode.Created);
        await HttpAssertions.EventuallyAsync(async () => (await StateAsync(api)).Contains("\"publications\":1"), "analytics projected the publication");
        var before = await StateAsync(api);

        // A fixed seed: the same requests every run, so a failure can be replayed.
        var requests = Gen.Sample(BadRequests.Any(asset.Id(), publication.Id()), Requests, new Rnd(20261121UL), 30);
        var failures = new List<string>();
        foreach (var request in requests)
            if (await SendAsync(request.Path.StartsWith("/admin") ? admin : api, request) is { } failure)
                failures.Add(failure);

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Length} bad requests were mishandled:\n" + string.Join('\n', failures.Take(20)));
        Assert.Equal(before, await StateAsync(api));
    }

    private static async Task<string?> SendAsync(HttpClient client, BadRequest bad)
    {
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path);
        if (bad.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(bad.Body));
            if (bad.ContentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(bad.ContentType);
        }
        if (bad.IdempotencyKey is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", bad.IdempotencyKey);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 500)
            return $"{status} for {bad}\n    {body[..Math.Min(body.Length, 300)]}";
        var isWrite = bad.Method is not ("GET" or "DELETE");
        if (isWrite && status < 400 && !AllItemsRefused(body))
            return $"{status} (accepted) for {bad}\n    {body[..Math.Min(body.Length, 300)]}";
        if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} without problem+json for {bad}";
        return null;
    }

    /// <summary>Batch routes answer 200/202 with a result per item: then every item must be refused.</summary>
    private static bool AllItemsRefused(string body)
    {
        var json = JsonDocument.Parse(body).RootElement;
        return json.TryGetProperty("results", out var results) && results.GetArrayLength() > 0
            && results.EnumerateArray().All(r => r.GetProperty("status").GetString() == "rejected");
    }

    /// <summary>Everything a user could see of the workspace.</summary>
    private static async Task<string> StateAsync(HttpClient api)
    {
        var parts = new[]
        {
            "/api/v1/assets/export.json", "/api/v1/accounts", "/api/v1/calendar?from=2027-01-01T00:00:00Z&to=2027-12-31T00:00:00Z",
            "/api/v1/analytics/platforms", "/api/v1/repurposing/opportunities?targetPlatform=tiktok", "/api/v1/metrics/settings",
            "/api/v1/metrics/mappings?limit=500", "/api/v1/hashtags/taxonomy", "/api/v1/hashtags/trending?asOf=2030-01-01T00:00:00Z",
        };
        var state = new StringBuilder();
        foreach (var part in parts)
            state.AppendLine(await (await api.GetAsync(part)).Content.ReadAsStringAsync());
        return state.ToString();
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = system.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
