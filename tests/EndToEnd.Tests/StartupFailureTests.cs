using System.Diagnostics;
using CreatorMeta.ServiceDefaults;
using CreatorMeta.Testing;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>A start-up that fails says which resource failed and why, on stderr first and last, and exits non-zero.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_resource_that_cannot_start_is_named_with_its_reason()
    {
        var messaging = TestEnvironment.Messaging; // before anything is created: it throws outside ./test.sh
        var state = Directory.CreateTempSubdirectory("creatormeta-e2e-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestEnvironment.RepositoryRoot,
        };
        foreach (var argument in new[] { AppHostProcess.Binary, $"--state-dir={state}", $"--gateway-port={AppHostProcess.FreePort()}", "--start-timeout=5" })
            info.ArgumentList.Add(argument);
        // Nothing listens on port 1; the test run's broker is adopted, so the AppHost starts no process that could be left behind.
        info.Environment[$"ConnectionStrings__{ResourceNames.Postgres}"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=postgres";
        info.Environment[$"ConnectionStrings__{ResourceNames.Messaging}"] = messaging;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var exited = process.WaitForExitAsync();
            Assert.True(await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(2))) == exited, "The AppHost was still running after 2 minutes.");
            var stderr = (await errors).TrimEnd().Split('\n');
            var headline = stderr[0];
            var everything = $"stderr:\n{await errors}\nstdout:\n{await output}";

            // The postgres server resource fails first (the databases and services wait for it), with Npgsql's own
            // "Failed to connect to <endpoint>", which does not depend on the operating system's wording for the refusal.
            Assert.True(headline.StartsWith($"apphost | START-UP FAILED: {ResourceNames.Postgres}: ", StringComparison.Ordinal)
                && headline.Contains("Failed to connect to 127.0.0.1:1", StringComparison.Ordinal), $"Not named with its reason first:\n{everything}");
            Assert.True(stderr.Length > 1 && stderr[^1] == headline, $"Not repeated as the last line:\n{everything}");
            Assert.Equal(1, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            Directory.Delete(state, recursive: true);
        }
    }
}
