using System.Net;
using System.Text;
using CreatorMeta.Testing;

namespace CreatorMeta.Hashtags.Tests.Apis;

public sealed class ExtractTests : HashtagsHost
{
    [Fact]
    public async Task A_caption_gives_its_tags_with_their_positions_and_its_keywords()
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());

        var found = await (await client.PostJsonAsync("/api/v1/hashtags/extract", new { text = "Sunset in Đà Nẵng 🌅 #DaNang #Café #CAFÉ", platform = "Instagram" }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("instagram", found.GetProperty("platform").GetString());
        var tags = found.GetProperty("hashtags").EnumerateArray().ToList();
        Assert.Equal(["danang", "café", "café"], tags.Select(t => t.GetProperty("tag").GetString()));
        Assert.Equal("#CAFÉ", tags[2].GetProperty("text").GetString());
        Assert.Equal("Sunset in Đà Nẵng 🌅 #DaNang #Café ".Length, tags[2].GetProperty("start").GetInt32());
        Assert.Contains(found.GetProperty("keywords").EnumerateArray(), k => k.GetProperty("keyword").GetString() == "sunset");
    }

    [Theory]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{}""")]
    [InlineData("""{"text":"#a","platform":"myspace"}""")]
    [InlineData("""{"text":"bad \ud800 half"}""")]
    public async Task Bad_captions_are_refused_with_a_problem(string body)
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());

        var response = await client.PostAsync("/api/v1/hashtags/extract", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_caption_of_100_KB_is_refused_and_one_of_60_KB_is_read()
    {
        var client = Service.CreateClient(TestEnvironment.NewWorkspace());

        var tooLong = await client.PostJsonAsync("/api/v1/hashtags/extract", new { text = string.Concat(Enumerable.Repeat("#tag word ", 10_240)) });
        var long60 = await client.PostJsonAsync("/api/v1/hashtags/extract", new { text = string.Concat(Enumerable.Repeat("#tag word ", 6_000)) });

        var problem = await tooLong.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(6_000, (await long60.JsonAsync(HttpStatusCode.OK)).GetProperty("hashtags").GetArrayLength());
    }
}
