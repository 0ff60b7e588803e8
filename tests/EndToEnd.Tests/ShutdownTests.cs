namespace CreatorMeta.EndToEnd.Tests;

public sealed class ShutdownTests(AppHostProcess system) : IClassFixture<AppHostProcess>
{
    [Fact]
    public async Task Ctrl_C_stops_every_process_the_AppHost_started()
    {
        Assert.Contains(AppHostProcess.DevKey, system.Output);
        Assert.Contains(system.Gateway.ToString().TrimEnd('/'), system.Output);

        var orphans = await system.InterruptAndFindOrphansAsync();

        Assert.True(orphans.Count == 0, "Left running:\n" + string.Join('\n', orphans) + "\n" + system.Tail());
    }
}
