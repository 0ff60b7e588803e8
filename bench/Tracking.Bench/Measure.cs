using System.Diagnostics;

namespace CreatorMeta.Bench;

/// <summary>Timing helpers: latencies as p50/p95 of many samples, throughput of concurrent workers.</summary>
public static class Measure
{
    public sealed record Latency(double P50, double P95, int Samples)
    {
        public override string ToString() => $"p50 {P50:0.0} ms, p95 {P95:0.0} ms ({Samples} samples)";
    }

    public static async Task<Latency> LatencyAsync(int samples, Func<Task> call, int warmup = 5)
    {
        for (var i = 0; i < warmup; i++)
            await call();
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new Latency(times[samples / 2], times[(int)(samples * 0.95)], samples);
    }

    /// <summary>Runs <paramref name="total"/> calls over <paramref name="workers"/> concurrent workers; returns calls per second.</summary>
    public static async Task<(double PerSecond, Latency Latency)> ThroughputAsync(int workers, int total, Func<int, Task> call)
    {
        var next = -1;
        var times = new double[total];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var one = Stopwatch.StartNew();
                await call(i);
                times[i] = one.Elapsed.TotalMilliseconds;
            }
        }));
        var perSecond = total / watch.Elapsed.TotalSeconds;
        Array.Sort(times);
        return (perSecond, new Latency(times[total / 2], times[(int)(total * 0.95)], total));
    }

    public static long ResidentMegabytes(int pid) => Status(pid, "VmRSS:");

    /// <summary>The most the process has held in memory since it started (the kernel's high-water mark).</summary>
    public static long PeakResidentMegabytes(int pid) => Status(pid, "VmHWM:");

    private static long Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
