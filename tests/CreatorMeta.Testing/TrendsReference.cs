using System.Diagnostics;
using System.Text.Json;

namespace CreatorMeta.Testing;

/// <summary>
/// What scipy and statsmodels (Debian's /usr/bin/python3, installed by the test command) compute from an exported
/// analytics dataset: Statistics/trends_reference.py, which says how.
/// </summary>
public static class TrendsReference
{
    /// <summary>Each tested attribute value: n, mean, lift, interval, p and q.</summary>
    public static Task<List<JsonElement>> EffectsAsync(string dataset, int minPosts, string column = "score") =>
        RunAsync(dataset, "effects", minPosts.ToString(System.Globalization.CultureInfo.InvariantCulture), column);

    /// <summary>The model's terms as ours lists them (each with "term" and "role"), fitted by statsmodels.</summary>
    public static async Task<List<JsonElement>> ModelAsync(string dataset, IEnumerable<JsonElement> terms, string column = "score")
    {
        var path = Path.Combine(Path.GetTempPath(), $"terms-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(terms.Select(t => new { term = t.GetProperty("term").GetString(), role = t.GetProperty("role").GetString() })));
        try
        {
            return await RunAsync(dataset, "model", path, column);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<List<JsonElement>> RunAsync(string dataset, string mode, string argument, string column)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, dataset);
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Statistics", "trends_reference.py"), mode, path, argument, column })
                start.ArgumentList.Add(a);
            using var python = Process.Start(start)!;
            var output = python.StandardOutput.ReadToEndAsync();
            var errors = python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync();
            if (python.ExitCode != 0)
                throw new InvalidOperationException($"The reference failed: {await errors}");
            return [.. JsonDocument.Parse(await output).RootElement.EnumerateArray()];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
