using CreatorMeta.Bench;

// Usage: bench/run.sh hashtags [--only=extraction|statistics]
//   extraction: [--captions=1000000] [--rounds=5] [--datasets=../shared/datasets]
//   statistics: [--publications=1000000] [--samples=5] [--state=DIR] [--settle-seconds=30]
await using var bench = new BenchServers(args, "creatormeta-hashtags-bench");
var only = bench.Text("only");
if (only is null or "extraction")
    Extraction.Run(bench);
if (only is null or "statistics")
    await Statistics.RunAsync(bench);
