using System.Collections.Concurrent;
using CreatorMeta.ServiceDefaults.Caching;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorMeta.ServiceDefaults.Tests.Caching;

/// <summary>
/// The cache's rules with the database read replaced by a library in memory whose reads can be held open, so the
/// orderings that matter (a change during a read, requests during a read, the listener down) happen when the test says.
/// </summary>
public sealed class WorkspaceCacheTests : IDisposable
{
    private readonly Library library = new();
    private WorkspaceCache<Copy> cache = null!;

    private WorkspaceCache<Copy> Cache(int maxSize = 100)
    {
        cache = new WorkspaceCache<Copy>(library.ReadAsync, NullLogger<WorkspaceCache<Copy>>.Instance, maxSize);
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

        var first = cache.CopyAsync("a", CancellationToken.None);
        var second = cache.CopyAsync("a", CancellationToken.None);
        cache.Changed("a");
        hold.SetResult();

        Assert.Equal(3, (await first).Size);
        Assert.Same(await first, await second);
        library.Set("a", 4);
        Assert.Equal(4, (await cache.CopyAsync("a", CancellationToken.None)).Size);
        Assert.Equal(2, library.Reads("a"));
    }

    [Fact]
    public async Task While_changes_are_not_heard_nothing_is_kept_but_requests_during_a_read_share_it()
    {
        var cache = Cache();
        library.Set("a", 3);
        var hold = library.Hold();

        var first = cache.CopyAsync("a", CancellationToken.None);
        var second = cache.CopyAsync("a", CancellationToken.None);
        hold.SetResult();
        Assert.Same(await first, await second);
        Assert.Equal(1, library.Reads("a"));

        await cache.CopyAsync("a", CancellationToken.None);
        Assert.Equal(2, library.Reads("a"));
    }

    [Fact]
    public async Task A_copy_in_use_that_a_change_retires_is_read_again_once_changes_settle_with_what_it_had_prepared_and_served_without_a_read()
    {
        var cache = Cache();
        cache.Listening(true);
        library.Set("a", 3);
        (await cache.CopyAsync("a", CancellationToken.None)).Prepare("table");

        library.Set("a", 5);
        cache.Changed("a");
        await Eventually(() => library.Reads("a") == 2);

        var copy = await cache.CopyAsync("a", CancellationToken.None);
        Assert.Equal(5, copy.Size);
        await Eventually(() => copy.Prepared.Contains("table"));
        Assert.Equal(2, library.Reads("a"));
    }

    [Fact]
    public async Task Many_requests_that_find_the_same_stale_copy_start_one_read_and_a_newer_copy_is_not_retired()
    {
        var cache = Cache();
        cache.Listening(true);
        library.Set("a", 3);
        var stale = await cache.CopyAsync("a", CancellationToken.None);
        library.Set("a", 4);

        cache.Retire("a", stale);
        var fresh = await cache.CopyAsync("a", CancellationToken.None);
        cache.Retire("a", stale); // a second request that had found the stale copy too

        Assert.Equal(4, fresh.Size);
        Assert.Same(fresh, await cache.CopyAsync("a", CancellationToken.None));
        Assert.Equal(2, library.Reads("a"));
    }

    [Fact]
    public async Task A_workspace_too_large_to_keep_is_read_for_each_request_and_never_in_the_background()
    {
        var cache = Cache(maxSize: 4);
        cache.Listening(true);
        library.Set("large", 5);
        library.Set("small", 2);
        await cache.CopyAsync("large", CancellationToken.None);
        await cache.CopyAsync("small", CancellationToken.None);

        cache.Changed("large");
        cache.Changed("small");
        await Eventually(() => library.Reads("small") == 2); // the small one's background read: the large one's would be due too

        Assert.Equal(1, library.Reads("large"));
        await cache.CopyAsync("large", CancellationToken.None);
        await cache.CopyAsync("large", CancellationToken.None);
        Assert.Equal(3, library.Reads("large"));
    }

    [Fact]
    public async Task Beyond_the_cap_the_least_recently_used_copy_is_dropped()
    {
        var cache = Cache(maxSize: 5);
        cache.Listening(true);
        library.Set("a", 2);
        library.Set("b", 2);
        library.Set("c", 2);
        await cache.CopyAsync("a", CancellationToken.None);
        await cache.CopyAsync("b", CancellationToken.None);
        await cache.CopyAsync("a", CancellationToken.None);

        await cache.CopyAsync("c", CancellationToken.None);
        await cache.CopyAsync("a", CancellationToken.None);
        await cache.CopyAsync("b", CancellationToken.None);

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

    /// <summary>A copy of a given size that remembers what was prepared on it.</summary>
    private sealed class Copy(int size) : IWorkspaceCopy
    {
        private readonly ConcurrentDictionary<object, bool> prepared = new();

        public int Size { get; } = size;

        public IReadOnlyCollection<object> Prepared => [.. prepared.Keys];

        public void Prepare(object what) => prepared[what] = true;
    }

    /// <summary>Workspaces of given sizes, counting reads; a held read waits until released.</summary>
    private sealed class Library
    {
        private readonly ConcurrentDictionary<string, int> sizes = new();
        private readonly ConcurrentDictionary<string, int> reads = new();
        private TaskCompletionSource released = Released();

        public void Set(string workspace, int size) => sizes[workspace] = size;

        public int Reads(string workspace) => reads.GetValueOrDefault(workspace);

        public TaskCompletionSource Hold() => released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<Copy> ReadAsync(string workspace, CancellationToken cancellationToken)
        {
            reads.AddOrUpdate(workspace, 1, (_, n) => n + 1);
            var size = sizes[workspace];
            await released.Task.WaitAsync(cancellationToken);
            return new Copy(size);
        }

        private static TaskCompletionSource Released()
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.SetResult();
            return done;
        }
    }
}
