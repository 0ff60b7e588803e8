using System.Net;
using CreatorMeta.Testing;

namespace CreatorMeta.Calendar.Tests.Apis;

public sealed class TrackingUnavailableTests
{
    [Fact]
    public async Task Without_the_ledger_the_calendar_refuses_rather_than_risk_a_repeat_post()
    {
        await using var calendar = await ServiceHost.StartAsync("calendar", "services/Calendar/CreatorMeta.Calendar.csproj",
            project => project.Environment["services__tracking__grpc__0"] = "http://127.0.0.1:1");
        var client = calendar.CreateClient(TestEnvironment.NewWorkspace());

        var problem = await (await client.PostJsonAsync("/api/v1/calendar/entries", new
        {
            assetId = Guid.NewGuid(), platform = "instagram", account = "@jamal", localTime = "2027-01-15T18:30", timeZone = "Europe/Berlin",
        })).ProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("Unavailable", problem.GetProperty("detail").GetString());
    }
}
