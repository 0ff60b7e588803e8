using System.Net;
using System.Net.Http.Json;
using CreatorMeta.Testing;

namespace CreatorMeta.Hashtags.Tests.Apis;

public sealed class TaxonomyTests : HashtagsHost
{
    private static readonly object Conventions = new
    {
        tags = new object[]
        {
            new { tag = "#Throwback", aliases = new[] { "#TBT", "throwbackthursday" }, category = "nostalgia", platformVariants = new Dictionary<string, string> { ["Instagram"] = "#tbt" } },
            new { tag = "#Café", aliases = new[] { "#CAFE" }, category = "food" },
        },
        alwaysInclude = new Dictionary<string, string[]> { ["instagram"] = ["#jamalphoto"], ["any"] = ["#TBT"] },
        banned = new[] { new { tag = "#followforfollow", reason = "spam signal" } },
    };

    [Fact]
    public async Task Conventions_are_stored_in_their_one_spelling_and_read_back_with_a_version()
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());

        var put = await client.PutAsJsonAsync("/api/v1/hashtags/taxonomy", Conventions);
        var read = await client.GetAsync("/api/v1/hashtags/taxonomy");

        var stored = await put.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
        var taxonomy = await read.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        var throwback = taxonomy.GetProperty("tags")[0];
        Assert.Equal("throwback", throwback.GetProperty("tag").GetString());
        Assert.Equal(["tbt", "throwbackthursday"], throwback.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("tbt", throwback.GetProperty("platformVariants").GetProperty("instagram").GetString());
        Assert.Equal("cafe", taxonomy.GetProperty("tags")[1].GetProperty("aliases")[0].GetString());
        Assert.Equal(["throwback"], taxonomy.GetProperty("alwaysInclude").GetProperty("any").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("spam signal", taxonomy.GetProperty("banned")[0].GetProperty("reason").GetString());
        var other = await (await Service.CreateClient(TestEnvironment.NewWorkspace()).GetAsync("/api/v1/hashtags/taxonomy")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0), (other.GetProperty("version").GetInt32(), other.GetProperty("tags").GetArrayLength()));
    }

    public static TheoryData<string, string> Refused => new()
    {
        { """{"tags":[{"tag":"#cafe","aliases":["#Cafe"]}]}""", "tags[0].aliases[0]" },
        { """{"tags":[{"tag":"a","aliases":["b"]},{"tag":"b","aliases":["a"]}]}""", "tags[0].aliases[0]" },
        { """{"tags":[{"tag":"a","aliases":["x"]},{"tag":"b","aliases":["X"]}]}""", "tags[1].aliases[0]" },
        { """{"tags":[{"tag":"!!!"}]}""", "tags[0].tag" },
        { """{"tags":[{"tag":"a","platformVariants":{"myspace":"b"}}]}""", "tags[0].platformVariants.myspace" },
        { """{"banned":[{"tag":"spam","reason":"no"}],"alwaysInclude":{"tiktok":["#SPAM"]}}""", "alwaysInclude.tiktok[0]" },
        { """{"banned":[{"tag":"spam"}]}""", "banned[0].reason" },
        { """{"tags":[{"tag":"a","aliases":["b"]}],"banned":[{"tag":"b","reason":"no"}]}""", "banned[0].tag" },
        { """{"alwaysInclude":{"any":["a1","a2","a3","a4","a5","a6"],"x":["x1","x2","x3","x4","x5"]}}""", "alwaysInclude.x" },
        { """{"tags":[null]}""", "tags[0]" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_taxonomy_that_would_make_one_spelling_mean_two_tags_or_use_a_banned_tag_is_refused_and_changes_nothing(string body, string field)
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());
        await (await client.PutAsJsonAsync("/api/v1/hashtags/taxonomy", Conventions)).JsonAsync(HttpStatusCode.OK);

        var refused = await client.PutAsync("/api/v1/hashtags/taxonomy", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await refused.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        var after = await (await client.GetAsync("/api/v1/hashtags/taxonomy")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, 2), (after.GetProperty("version").GetInt32(), after.GetProperty("tags").GetArrayLength()));
    }

    [Fact]
    public async Task A_tag_added_alone_joins_the_others_and_one_that_would_close_a_cycle_is_refused()
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());
        await (await client.PutAsJsonAsync("/api/v1/hashtags/taxonomy", Conventions)).JsonAsync(HttpStatusCode.OK);

        var added = await (await client.PostJsonAsync("/api/v1/hashtags/taxonomy/tags", new { tag = "#Sunset", aliases = new[] { "#goldenhour" } }))
            .JsonAsync(HttpStatusCode.OK);
        var cycle = await client.PostJsonAsync("/api/v1/hashtags/taxonomy/tags", new { tag = "#tbt", aliases = new[] { "#throwback" } });

        Assert.Equal(["throwback", "café", "sunset"], added.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("tag").GetString()));
        await cycle.JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await (await client.GetAsync("/api/v1/hashtags/taxonomy")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_change_made_against_an_older_version_is_refused_rather_than_lost()
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());
        await (await client.PutAsJsonAsync("/api/v1/hashtags/taxonomy", Conventions)).JsonAsync(HttpStatusCode.OK);
        await (await client.PostJsonAsync("/api/v1/hashtags/taxonomy/tags", new { tag = "#Sunset" })).JsonAsync(HttpStatusCode.OK);

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/hashtags/taxonomy") { Content = JsonContent.Create(new { tags = Array.Empty<object>() }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        var refused = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // An If-Match that does not parse (the version without its quotes) is refused, not taken as no condition.
        var unquoted = new HttpRequestMessage(HttpMethod.Put, "/api/v1/hashtags/taxonomy") { Content = JsonContent.Create(new { tags = Array.Empty<object>() }) };
        unquoted.Headers.TryAddWithoutValidation("If-Match", "2");
        var problem = await (await client.SendAsync(unquoted)).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _));
        Assert.Equal(3, (await (await client.GetAsync("/api/v1/hashtags/taxonomy")).JsonAsync(HttpStatusCode.OK)).GetProperty("tags").GetArrayLength());
    }
}
