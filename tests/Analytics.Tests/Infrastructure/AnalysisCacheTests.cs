using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorMeta.Analytics.Tests.Infrastructure;

/// <summary>
/// The cache's rules with the database read replaced by a library in memory whose reads can be held open, so the
/// orderings that matter (a change during a read, requests during a read, the listener down) happen when the test says.
/// </summary>
public sealed class AnalysisCacheTests : IDisposable
{
    private readonly Library library = new();
    private AnalysisCache cache = null!;

    private AnalysisCache Cache(int maxRows = 100)
    {
        cache = new AnalysisCache(library.ReadAsync, NullLogger<AnalysisCache>.Instance, maxRows);
        return cache;
    }

    public void Dispose() => cache?.Dispose();

    [Fact]
    public async Task Requests_during_a_read_share_it_and_a_change_committed_during_the_read_retires_what_it_read()
    {
        var cache = Cache();
        cache.Listening(true);
        library.Set("a", 3);
        var hold = library.Hold();

        var first = cache.PostsAsync("a", CancellationToken.None);
        var second = cache.PostsAsync("a", CancellationToken.None);
        cache.Changed("a");
        hold.SetResult();

        Assert.Equal(3, (await first).Count);
        Assert.Same(await first, await second);
        library.Set("a", 4);
        Assert.Equal(4, (await cache.PostsAsync("a", CancellationToken.None)).Count);
        Assert.Equal(2, library.Reads("a"));
    }

    [Fact]
    public async Task While_changes_are_not_heard_nothing_is_kept_but_requests_during_a_read_share_it()
    {
        var cache = Cache();
        library.Set("a", 3);
        var hold = library.Hold();

        var first = cache.PostsAsync("a", CancellationToken.None);
        var second = cache.PostsAsync("a", CancellationToken.None);
        hold.SetResult();
        Assert.Same(await first, await second);
        Assert.Equal(1, library.Reads("a"));

        await cache.PostsAsync("a", CancellationToken.None);
        Assert.Equal(2, library.Reads("a"));
    }

    [Fact]
    public async Task A_copy_in_use_that_a_change_retires_is_read_again_once_changes_settle_with_its_tables_and_served_without_a_read()
    {
        var cache = Cache();
        cache.Listening(true);
        library.Set("a", 3);
        (await cache.PostsAsync("a", CancellationToken.None)).Table(AnalysisScope.All("a"), AnalysisRow.DefaultMetric);

        library.Set("a", 5);
        cache.Changed("a");
        await Eventually(() => library.Reads("a") == 2);

        var posts = await cache.PostsAsync("a", CancellationToken.None);
        Assert.Equal(5, posts.Count);
        await Eventually(() => posts.TabledMetrics.Contains(AnalysisRow.DefaultMetric));
        Assert.Equal(2, library.Reads("a"));
    }

    [Fact]
    public async Task A_workspace_too_large_to_keep_is_read_for_each_request_and_never_in_the_background()
    {
        var cache = Cache(maxRows: 4);
        cache.Listening(true);
        library.Set("large", 5);
        library.Set("small", 2);
        await cache.PostsAsync("large", CancellationToken.None);
        await cache.PostsAsync("small", CancellationToken.None);

        cache.Changed("large");
        cache.Changed("small");
        await Eventually(() => library.Reads("small") == 2); // the small one's background read: the large one's would be due too

        Assert.Equal(1, library.Reads("large"));
        await cache.PostsAsync("large", CancellationToken.None);
        await cache.PostsAsync("large", CancellationToken.None);
        Assert.Equal(3, library.Reads("large"));
    }

    [Fact]
    public async Task Beyond_the_cap_the_least_recently_used_copy_is_dropped()
    {
        var cache = Cache(maxRows: 5);
        cache.Listening(true);
        library.Set("a", 2);
        library.Set("b", 2);
        library.Set("c", 2);
        await cache.PostsAsync("a", CancellationToken.None);
        await cache.PostsAsync("b", CancellationToken.None);
        await cache.PostsAsync("a", CancellationToken.None);

        await cache.PostsAsync("c", CancellationToken.None);
        await cache.PostsAsync("a", CancellationToken.None);
        await cache.PostsAsync("b", CancellationToken.None);

        Assert.Equal(1, library.Reads("a"));
        Assert.Equal(2, library.Reads("b"));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not within 20 s.");
            await Task.Delay(20);
        }
    }

    /// <summary>Workspaces of scored posts, counting reads; a held read waits until released.</summary>
    private sealed class Library
    {
        private readonly ConcurrentDictionary<string, int> sizes = new();
        private readonly ConcurrentDictionary<string, int> reads = new();
        private TaskCompletionSource released = Released();

        public void Set(string workspace, int posts) => sizes[workspace] = posts;

        public int Reads(string workspace) => reads.GetValueOrDefault(workspace);

        public TaskCompletionSource Hold() => released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public async IAsyncEnumerable<AnalysisRow> ReadAsync(string workspace, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            reads.AddOrUpdate(workspace, 1, (_, n) => n + 1);
            var size = sizes[workspace];
            await released.Task.WaitAsync(cancellationToken);
            for (var i = 0; i < size; i++)
                yield return new AnalysisRow(Guid.NewGuid(), Guid.NewGuid(), "tiktok", "@a", DateTimeOffset.UnixEpoch.AddHours(i), "UTC",
                    DayOfWeek.Thursday, i % 24, "video", null, null, null, 10, 1, ["travel"], [], 0.1 * i, 0.01 * i);
        }

        private static TaskCompletionSource Released()
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.SetResult();
            return done;
        }
    }
}
