using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Identity;

/// <summary>Rows stored before handles had one spelling are brought to it when the service starts, losing no publication.</summary>
public sealed class AccountMigrationTests
{
    [Fact]
    public async Task Accounts_and_publications_stored_as_typed_merge_into_one_spelling()
    {
        await using var tracking = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj");
        var workspace = TestEnvironment.NewWorkspace();
        var client = tracking.CreateClient(workspace);
        var asset = await (await client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var before = await (await client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: "@jamal")))
            .JsonAsync(HttpStatusCode.Created);
        var registered = await (await client.PostJsonAsync("/api/v1/accounts", new { platform = "instagram", handle = "@jamal", timeZone = "Europe/Berlin" }))
            .JsonAsync(HttpStatusCode.Created);
        // What an earlier version stored: the handle as typed, and the same account registered twice under two spellings.
        await TestDatabase.ExecuteAsync(tracking.DatabaseConnectionString, $"""
            UPDATE publications SET account = ' @JAMAL ' WHERE id = '{before.Id()}';
            UPDATE accounts SET handle = 'Jamal', created_at = created_at - interval '1 day' WHERE id = '{registered.Id()}';
            INSERT INTO accounts (id, workspace_id, platform, handle, time_zone, created_at)
                VALUES ('{Guid.NewGuid()}', '{workspace}', 'instagram', '@jamal', 'UTC', now());
            DELETE FROM schema_migrations WHERE id IN ('tracking_0009_account_handles', 'tracking_0010_merge_registered_accounts');
            """);

        await tracking.RestartAsync();

        var refused = await (await client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: "jamal")))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before.Id(), refused.GetProperty("earlierPublication").Id());
        Assert.Equal("@jamal", refused.GetProperty("earlierPublication").GetProperty("account").GetString());
        var accounts = await (await client.GetAsync("/api/v1/accounts")).JsonAsync(HttpStatusCode.OK);
        var account = Assert.Single(accounts.GetProperty("items").EnumerateArray());
        Assert.Equal((registered.Id(), "@jamal", "Europe/Berlin"),
            (account.Id(), account.GetProperty("handle").GetString(), account.GetProperty("timeZone").GetString()));
        var read = await (await client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-11-01T18:00:00+01:00", Assert.Single(read.GetProperty("publications").EnumerateArray()).GetProperty("publishedLocal").GetProperty("at").GetString());
    }
}
