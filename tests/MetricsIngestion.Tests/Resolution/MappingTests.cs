using System.Net;
using System.Text.Json;
using CreatorMeta.Testing;
using static CreatorMeta.MetricsIngestion.Tests.MetricsFixture;

namespace CreatorMeta.MetricsIngestion.Tests.Resolution;

[Collection(MetricsCollection.Name)]
public sealed class MappingTests(MetricsFixture fixture)
{
    private static readonly DateTimeOffset Published = new(DateTimeOffset.UtcNow.AddDays(-2).UtcDateTime.Date, TimeSpan.Zero);

    [Fact]
    public async Task A_mapping_row_added_through_the_api_gives_stored_readings_their_meaning_in_that_workspace_only()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var other = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        var otherClient = fixture.Service.CreateClient(other);
        var post = await fixture.PublishAsync(workspace, "tiktok", "8001", Published);
        var otherPost = await fixture.PublishAsync(other, "tiktok", "8001", Published);
        await UploadAsync(client, Observation("tiktok", "8001", Published.AddHours(5), "api", new { like_count = 10, custom_plays = 500 }));
        await MetricsWhenAsync(client, post.PublicationId, b => b.GetProperty("metrics").GetProperty("unmappedFields").GetArrayLength() == 1, "unmapped");

        var added = await (await client.PostJsonAsync("/api/v1/metrics/mappings", new
        {
            platform = "TikTok", rawName = "custom_plays", canonical = "views", effectiveFrom = "2024-01-01T00:00:00Z", note = "our connector's name",
        })).JsonAsync(HttpStatusCode.Created);
        Assert.False(added.GetProperty("builtIn").GetBoolean());

        var metrics = (await MetricsWhenAsync(client, post.PublicationId,
            b => b.GetProperty("metrics").GetProperty("values").TryGetProperty("views", out _), "re-resolved with the new row")).GetProperty("metrics");
        Assert.Equal(500, metrics.GetProperty("values").GetProperty("views").GetProperty("value").GetDouble());
        Assert.Empty(metrics.GetProperty("unmappedFields").EnumerateArray());
        // The other workspace's reading of the same field, taken after the row was added, still has no meaning there.
        await UploadAsync(otherClient, Observation("tiktok", "8001", Published.AddHours(5), "api", new { like_count = 10, custom_plays = 500 }));
        var theirs = (await MetricsWhenAsync(otherClient, otherPost.PublicationId, _ => true, "the other workspace's post")).GetProperty("metrics");
        Assert.False(theirs.GetProperty("values").TryGetProperty("views", out _));
        Assert.Equal(["custom_plays"], theirs.GetProperty("unmappedFields").EnumerateArray().Select(f => f.GetString()));
        var listed = await (await otherClient.GetAsync("/api/v1/metrics/mappings?platform=tiktok&rawName=custom_plays")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_successor_row_ends_the_open_one_and_an_overlapping_row_is_refused_and_stores_nothing()
    {
        var client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());
        await (await client.PostJsonAsync("/api/v1/metrics/mappings",
            new { platform = "x", rawName = "boosts", canonical = "shares", effectiveFrom = "2024-01-01T00:00:00Z" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostJsonAsync("/api/v1/metrics/mappings",
            new { platform = "x", rawName = "boosts", canonical = "likes", effectiveFrom = "2025-01-01T00:00:00Z" })).JsonAsync(HttpStatusCode.Created);

        var overlap = await (await client.PostJsonAsync("/api/v1/metrics/mappings", new
        {
            platform = "x", rawName = "boosts", canonical = "saves", effectiveFrom = "2024-06-01T00:00:00Z", effectiveTo = "2024-07-01T00:00:00Z",
        })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.EndsWith("/mapping-overlap", overlap.GetProperty("type").GetString());
        var rows = (await (await client.GetAsync("/api/v1/metrics/mappings?platform=x&rawName=boosts")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["shares", "likes"], rows.Select(r => r.GetProperty("canonical").GetString()));
        Assert.Equal(DateTimeOffset.Parse("2025-01-01T00:00:00Z"), rows[0].GetProperty("effectiveTo").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("""{"platform":"myspace","rawName":"a","canonical":"views"}""", "platform")]
    [InlineData("""{"platform":"x","rawName":"","canonical":"views"}""", "rawName")]
    [InlineData("""{"platform":"x","rawName":"a","canonical":"vibes"}""", "canonical")]
    [InlineData("""{"platform":"x","rawName":"a","canonical":"views","scope":"hourly"}""", "scope")]
    [InlineData("""{"platform":"x","rawName":"a","canonical":"views","multiplier":-1}""", "multiplier")]
    [InlineData("""{"platform":"x","rawName":"a","canonical":"views","effectiveFrom":"2025-01-01T00:00:00Z","effectiveTo":"2024-01-01T00:00:00Z"}""", "effectiveFrom")]
    public async Task An_invalid_mapping_row_is_refused_by_field_and_stores_nothing(string body, string field)
    {
        var client = fixture.Service.CreateClient(TestEnvironment.NewWorkspace());

        var problem = await (await client.PostAsync("/api/v1/metrics/mappings", new StringContent(body, System.Text.Encoding.UTF8, "application/json")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        var own = (await (await client.GetAsync("/api/v1/metrics/mappings?limit=500")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().Where(r => !r.GetProperty("builtIn").GetBoolean());
        Assert.Empty(own);
    }

    [Fact]
    public async Task Meta_renames_resolve_each_reading_with_the_mapping_in_force_when_it_was_observed()
    {
        var workspace = TestEnvironment.NewWorkspace();
        var client = fixture.Service.CreateClient(workspace);
        var published = DateTimeOffset.Parse("2025-04-01T12:00:00Z");
        var post = await fixture.PublishAsync(workspace, "instagram", "C-rename", published);
        await UploadAsync(client,
            Observation("instagram", "C-rename", DateTimeOffset.Parse("2025-04-10T12:00:00Z"), "api", new { impressions = 1000, likes = 10 }),
            Observation("instagram", "C-rename", DateTimeOffset.Parse("2025-04-25T12:00:00Z"), "api", new { impressions = 1500, views = 2000, likes = 20 }));

        var body = await MetricsWhenAsync(client, post.PublicationId, b => b.GetProperty("metrics").GetProperty("observations").GetInt32() == 2, "resolved");

        var values = body.GetProperty("metrics").GetProperty("values");
        Assert.Equal(1000, values.GetProperty("impressions").GetProperty("value").GetDouble());
        Assert.Equal(2000, values.GetProperty("views").GetProperty("value").GetDouble());
        var (after, before) = (body.GetProperty("rawObservations")[0], body.GetProperty("rawObservations")[1]);
        Assert.Contains("impressions", after.GetProperty("unmapped").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(1000, before.GetProperty("lifetime").GetProperty("impressions").GetDouble());
    }

    [Fact]
    public async Task Definitions_name_every_canonical_metric_and_formula()
    {
        var definitions = await (await fixture.Service.CreateClient(TestEnvironment.NewWorkspace()).GetAsync("/api/v1/metrics/definitions"))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal(12, definitions.GetProperty("metrics").GetArrayLength());
        Assert.Contains(definitions.GetProperty("derived").EnumerateArray(), d =>
            d.GetProperty("name").GetString() == "engagementRate.byFollowers" && d.GetProperty("formula").GetString() == "engagement / followers");
        Assert.Equal(["ratioOfSums", "meanOfRatios"], definitions.GetProperty("groupAggregations").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }
}
