using System.Net;
using System.Net.Http.Headers;
using CreatorMeta.Testing;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>With ConnectionStrings__postgres and __messaging set, the AppHost adopts those servers and starts none.</summary>
public sealed class ExternalServersTests(ExternalServersAppHost system) : IClassFixture<ExternalServersAppHost>
{
    [Fact]
    public async Task Runs_on_the_users_own_postgres_and_rabbitmq()
    {
        var api = new HttpClient { BaseAddress = system.Gateway };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppHostProcess.DevKey);

        await (await api.PostJsonAsync("/api/v1/assets", new { title = "On external servers", kind = "text" })).JsonAsync(HttpStatusCode.Created);

        Assert.Contains("using the PostgreSQL server from ConnectionStrings__postgres", system.Output);
        Assert.Contains("using the broker from ConnectionStrings__messaging", system.Output);
        Assert.False(Directory.Exists(Path.Combine(system.StateDirectory, "postgres")));
        Assert.False(Directory.Exists(Path.Combine(system.StateDirectory, "rabbitmq")));
    }
}

public sealed class ExternalServersAppHost : AppHostProcess
{
    protected override bool UseExternalServers => true;
}
