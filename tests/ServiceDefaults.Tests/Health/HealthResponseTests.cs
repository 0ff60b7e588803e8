using System.Net;
using CreatorMeta.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreatorMeta.ServiceDefaults.Tests.Health;

/// <summary>Health answers say what is wrong in the check's own words, never an exception's text (hosts, users, internals).</summary>
public sealed class HealthResponseTests
{
    [Fact]
    public async Task A_failing_check_is_reported_without_its_exception_text()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddHealthChecks().AddCheck("database", () =>
            HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", new InvalidOperationException("password for user 'svc_tracking' on db-7.internal")));
        await using var app = builder.Build();
        app.MapHealthEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var response = await new HttpClient().GetAsync(address + "/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("PostgreSQL is unreachable.", body);
        Assert.DoesNotContain("svc_tracking", body);
        Assert.DoesNotContain("db-7.internal", body);
    }
}
