using System.Diagnostics;
using CreatorMeta.Hashtags.Domain;
using CreatorMeta.SampleLibrary;

namespace CreatorMeta.Bench;

/// <summary>
/// What POST /hashtags/extract does for each caption (its tags by the platform's rules, then its keywords), on one core,
/// over the shared datasets' real captions — Vietnamese TikTok with emoji, an English Instagram creator — repeated.
/// The target is 1,000,000 captions a minute.
/// </summary>
public static class Extraction
{
    public static void Run(BenchServers bench)
    {
        var datasets = Path.GetFullPath(bench.Text("datasets") ?? Path.Combine(bench.Root, "../shared/datasets"));
        var (count, rounds) = (bench.Arg("captions", 1_000_000), bench.Arg("rounds", 5));

        // The scraped TikTok captions come without their tags (the file lists them apart): written back in, as the creator posted them.
        var real = SharedDatasets.TikTok(datasets).Concat(SharedDatasets.Instagram(datasets))
            .Select(p => (p.Caption ?? "") + (p.Caption?.Contains('#') == true ? "" : string.Concat(p.Hashtags.Select(t => " #" + t))))
            .Where(c => c.Length > 0).ToArray();
        var captions = Enumerable.Range(0, count).Select(i => real[i % real.Length]).ToArray();
        Console.WriteLine($"{real.Length:N0} real captions (mean {real.Average(c => c.Length):N0} characters, " +
            $"{real.Sum(c => CaptionText.Hashtags(c, PlatformConventions.Any).Count):N0} tags), repeated to {count:N0}; {rounds} rounds on one core.");

        double PerMinute(Func<string, int> work)
        {
            var times = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var (watch, found) = (Stopwatch.StartNew(), 0);
                foreach (var caption in captions)
                    found += work(caption);
                times.Add(watch.Elapsed.TotalMinutes);
                GC.KeepAlive(found);
            }
            times.Sort();
            return count / times[times.Count / 2];
        }

        var tiktok = PlatformConventions.For("tiktok");
        var tags = PerMinute(c => CaptionText.Hashtags(c, tiktok).Count);
        var both = PerMinute(c => CaptionText.Hashtags(c, tiktok) is var found ? found.Count + CaptionText.Keywords(c, found).Count : 0);
        Console.WriteLine($"""

            | work per caption | captions per minute (median of {rounds}) |
            |---|---|
            | hashtags (TikTok's rules) | {tags:N0} |
            | hashtags and keywords (what /hashtags/extract answers) | {both:N0} |

            """);
    }
}
