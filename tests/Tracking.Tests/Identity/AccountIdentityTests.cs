using System.Net;
using CreatorMeta.Contracts.Tracking.V1;
using CreatorMeta.ServiceDefaults.Grpc;
using CreatorMeta.Testing;

namespace CreatorMeta.Tracking.Tests.Identity;

/// <summary>@jamal, jamal, @Jamal and " @JAMAL " are one account at every way in, so the re-post guard cannot be sidestepped.</summary>
[Collection(TrackingCollection.Name)]
public sealed class AccountIdentityTests(TrackingFixture fixture)
{
    private readonly string _workspace = TestEnvironment.NewWorkspace();
    private HttpClient Client => fixture.Service.CreateClient(_workspace);

    [Theory]
    [InlineData("jamal")]
    [InlineData("@Jamal")]
    [InlineData(" @JAMAL ")]
    [InlineData("\u200B@jamal\u00A0")]
    public async Task The_same_asset_on_the_same_account_spelled_differently_is_refused(string spelling)
    {
        var asset = await (await Client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var first = await (await Client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: "@jamal")))
            .JsonAsync(HttpStatusCode.Created);

        var refused = await (await Client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: spelling)))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.EndsWith("/duplicate-publication", refused.GetProperty("type").GetString());
        Assert.Equal(first.Id(), refused.GetProperty("earlierPublication").Id());
        Assert.Equal("@jamal", first.GetProperty("account").GetString());
    }

    [Fact]
    public async Task Every_way_in_reads_the_account_as_one_spelling()
    {
        var asset = await (await Client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);
        var published = await (await Client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications", Requests.Publication(account: " @JAMAL ")))
            .JsonAsync(HttpStatusCode.Created);
        var grpc = fixture.Service.CreateGrpcClient(_workspace);

        var check = await grpc.CallAsync(GrpcMethod<CheckPublicationRequest, CheckPublicationReply>.From(TrackingReflection.Descriptor.Services[0], "CheckPublication"),
            new CheckPublicationRequest { WorkspaceId = _workspace, AssetId = asset.Id(), Platform = " Instagram", Account = "jamal" });
        var found = await (await Client.GetAsync("/api/v1/assets?account=Jamal&platform=INSTAGRAM")).JsonAsync(HttpStatusCode.OK);
        var imported = await (await Client.PostJsonAsync("/api/v1/publications/import", new
        {
            rows = new[] { new { url = "https://www.instagram.com/p/Zz9Yy8Xx7/", account = "JAMAL", publishedAt = "2026-10-01T12:00:00Z" } },
        })).JsonAsync(HttpStatusCode.OK);

        Assert.False(check.Allowed);
        Assert.Equal(published.Id(), Assert.Single(check.Conflicts).PublicationId);
        Assert.Equal(asset.Id(), Assert.Single(found.GetProperty("items").EnumerateArray()).Id());
        var row = imported.GetProperty("results")[0];
        var importedPublication = await (await Client.GetAsync($"/api/v1/publications/{row.GetProperty("publicationId").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("@jamal", importedPublication.GetProperty("account").GetString());
    }

    [Fact]
    public async Task An_account_is_registered_once_however_it_is_spelled_even_all_at_once()
    {
        var spellings = new[] { "@jamal", "jamal", "@Jamal", " @JAMAL ", "JAMAL", "@jAmAl" };

        var responses = await Task.WhenAll(spellings.Select(handle =>
            Client.PostJsonAsync("/api/v1/accounts", new { platform = "instagram", handle, timeZone = "Europe/Berlin" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.EndsWith("/account-exists", (await refused.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString());
        var list = await (await Client.GetAsync("/api/v1/accounts?platform=Instagram")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("@jamal", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("handle").GetString());
    }

    [Fact]
    public async Task External_account_ids_keep_their_case()
    {
        var asset = await (await Client.PostJsonAsync("/api/v1/assets", Requests.Asset())).JsonAsync(HttpStatusCode.Created);

        var channel = await (await Client.PostJsonAsync($"/api/v1/assets/{asset.Id()}/publications",
            Requests.Publication(platform: "youtube", account: " UCuAXFkgsw1L7xaCfnd5JJOw "))).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("UCuAXFkgsw1L7xaCfnd5JJOw", channel.GetProperty("account").GetString());
    }
}
