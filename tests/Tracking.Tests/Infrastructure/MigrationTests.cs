using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Infrastructure;

/// <summary>Rows stored by an earlier version are brought up to date when the service starts, losing nothing.</summary>
public sealed class MigrationTests
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

    [Fact]
    public async Task Hashtags_and_languages_stored_as_typed_take_their_one_spelling_and_what_is_not_a_tag_goes()
    {
        await using var tracking = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj");
        var client = tracking.CreateClient(TestEnvironment.NewWorkspace());
        var asset = await (await client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var publication = await (await client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication())).JsonAsync(HttpStatusCode.Created);
        var onX = await (await client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication("x"))).JsonAsync(HttpStatusCode.Created);
        // As an earlier version stored them: lower-cased only, a number and a phrase kept as tags, the language as typed,
        // and on X a tag with the emoji X does not read as part of it.
        await TestDatabase.ExecuteAsync(tracking.DatabaseConnectionString, $"""
            UPDATE publications SET hashtags = ARRAY['straße', 'strasse', '2025', 'summer vibes', 'ｃａｆé'] WHERE id = '{publication.Id()}';
            UPDATE publication_versions SET hashtags = ARRAY['straße', '2025'] WHERE publication_id = '{publication.Id()}';
            UPDATE publications SET hashtags = ARRAY['sunset🌅'] WHERE id = '{onX.Id()}';
            UPDATE assets SET live_hashtags = ARRAY['2025', 'straße', 'sunset🌅', 'ｃａｆé'], language = ' EN ' WHERE id = '{asset.Id()}';
            DELETE FROM schema_migrations WHERE id IN ('tracking_0014_hashtag_names', 'tracking_0015_hashtag_names_of_versions',
                'tracking_0016_live_hashtag_names', 'tracking_0017_language_labels', 'tracking_0020_hashtags_as_each_platform_reads_them');
            """);

        await tracking.RestartAsync();

        var read = await (await client.GetAsync($"/api/v1/assets/{asset.Id()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("en", read.GetProperty("language").GetString());
        var posts = read.GetProperty("publications").EnumerateArray().ToDictionary(p => p.GetProperty("platform").GetString()!);
        Assert.Equal(["strasse", "café"], posts["instagram"].GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["sunset"], posts["x"].GetProperty("hashtags").EnumerateArray().Select(t => t.GetString()));
        foreach (var tag in new[] { "%23STRASSE", "sunset" })
        {
            var found = await (await client.GetAsync($"/api/v1/assets?hashtag={tag}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(asset.Id(), Assert.Single(found.GetProperty("items").EnumerateArray()).Id());
        }
        var stale = await (await client.GetAsync("/api/v1/assets?hashtag=%23sunset%F0%9F%8C%85")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(stale.GetProperty("items").EnumerateArray()); // the live summary holds the tag as X reads it
        var history = await (await client.GetAsync($"/api/v1/assets/{asset.Id()}/history")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(history.GetProperty("items").EnumerateArray(), e => e.TryGetProperty("hashtags", out var tags) && tags.ValueKind == System.Text.Json.JsonValueKind.Array
            && tags.EnumerateArray().Select(t => t.GetString()).SequenceEqual(["strasse"]));
    }

    [Fact]
    public async Task Search_text_indexed_before_punctuation_separated_words_is_separated()
    {
        await using var tracking = await ServiceHost.StartAsync("tracking", "services/Tracking/CreatorMeta.Tracking.csproj");
        var client = tracking.CreateClient(TestEnvironment.NewWorkspace());
        var asset = await (await client.PostJsonAsync("/api/v1/assets", Requests.Asset(title: "Hearing notes"))).JsonAsync(HttpStatusCode.Created);
        // As an earlier version indexed it: the caption as typed, its words glued to typographic punctuation.
        await TestDatabase.ExecuteAsync(tracking.DatabaseConnectionString, $"""
            UPDATE assets SET search_text = 'Hearing notes' || E'\n' || 'Women’s health—today' WHERE id = '{asset.Id()}';
            DELETE FROM schema_migrations WHERE id = 'tracking_0011_search_words';
            """);
        Assert.Empty((await (await client.GetAsync("/api/v1/assets?q=today")).JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        await tracking.RestartAsync();

        // The rewrite runs in the background, so a large library does not hold up the start.
        await HttpAssertions.EventuallyAsync(async () =>
            (await (await client.GetAsync("/api/v1/assets?q=today")).JsonAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength() == 1,
            "the old search text separated into words");
        var found = await (await client.GetAsync("/api/v1/assets?q=women")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(asset.Id(), Assert.Single(found.GetProperty("items").EnumerateArray()).Id());
    }
}
