using System.Net.Http.Headers;
using CreatorMeta.SampleLibrary;

// Usage: dotnet run --project tools/SampleLibrary -- --key=API_KEY [--gateway=http://localhost:8080] [--datasets=../shared/datasets]
//        [--tiktok-min-posts=1] [--no-tiktok] [--no-instagram]
string? Option(string name) => args.Select(a => a.Split('=', 2)).Where(p => p[0] == "--" + name).Select(p => p.ElementAtOrDefault(1) ?? "").FirstOrDefault();
var key = Option("key") ?? throw new ArgumentException("--key=API_KEY is required: the workspace's key (POST /admin/workspaces issues one).");
var gateway = new Uri(Option("gateway") ?? "http://localhost:8080");
var datasets = Option("datasets") ?? Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "datasets"));
var minPosts = int.TryParse(Option("tiktok-min-posts") ?? "1", out var parsed) && parsed >= 1 ? parsed
    : throw new ArgumentException("--tiktok-min-posts=N takes the TikTok accounts with at least N posts (N ≥ 1).");
if (!Directory.Exists(datasets))
    throw new DirectoryNotFoundException($"No datasets at {datasets}: pass --datasets=PATH (the shared folder beside the repository).");

var posts = new List<SamplePost>();
if (Option("no-instagram") is null)
    posts.AddRange(SharedDatasets.Instagram(datasets));
if (Option("no-tiktok") is null)
    posts.AddRange(SharedDatasets.TikTok(datasets, minPosts));
using var api = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(2) };
api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
var summary = await new Loader(api, log: Console.WriteLine).LoadAsync(posts);
Console.WriteLine($"Loaded {summary.Posts} posts on {summary.Accounts} accounts with {summary.Readings} readings; analytics has them once metrics-ingestion has resolved them.");

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "CreatorMeta.sln")))
            return d.FullName;
    return Directory.GetCurrentDirectory();
}
