using System.Collections.Concurrent;
using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Domain.BestTimes;
using CreatorMeta.ServiceDefaults.Caching;
using Npgsql;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>
/// One consistent copy of a workspace's live posts with numbers, in publication order, as read from PostgreSQL in one
/// snapshot: every part of an answer (trends, best times, top posts, platform numbers) taken from the same copy agrees
/// with the others. The whole workspace's table is built once per metric and kept with the copy.
/// </summary>
public sealed class WorkspacePosts(string workspace, IReadOnlyList<AnalysisRow> rows) : IWorkspaceCopy
{
    /// <summary>The channel migration 0005's triggers notify with the workspace of every committed change to what the copy is read from.</summary>
    public const string ChangesChannel = "analysis_changed";

    private readonly ConcurrentDictionary<string, Lazy<AnalysisTable>> tables = new(StringComparer.Ordinal);

    public string Workspace { get; } = workspace;

    public int Count => rows.Count;

    int IWorkspaceCopy.Size => rows.Count;

    /// <summary>The metrics whose whole-workspace table has been asked for, so a copy read after a change can have them ready.</summary>
    public IReadOnlyCollection<object> Prepared => [.. tables.Keys];

    public void Prepare(object metric) => Table(AnalysisScope.All(Workspace), (string)metric);

    /// <summary>The workspace's posts as PostgreSQL holds them now, in publication order.</summary>
    public static async Task<WorkspacePosts> ReadAsync(NpgsqlDataSource dataSource, string workspace, CancellationToken cancellationToken)
    {
        var rows = new List<AnalysisRow>();
        await foreach (var row in dataSource.StreamAsync(workspace, cancellationToken))
            rows.Add(row);
        rows.Sort((a, b) => a.PublishedAt.CompareTo(b.PublishedAt) is var c and not 0 ? c : a.PublicationId.CompareTo(b.PublicationId));
        return new WorkspacePosts(workspace, rows);
    }

    /// <summary>The posts in scope (its platform, account and [from, to)), in publication order.</summary>
    public IEnumerable<AnalysisRow> In(AnalysisScope scope) =>
        rows.Where(r => (scope.Platform is null || r.Platform == scope.Platform) && (scope.Account is null || r.Account == scope.Account)
            && (scope.From is null || r.PublishedAt >= scope.From) && (scope.To is null || r.PublishedAt < scope.To));

    /// <summary>The posts in scope with <paramref name="metric"/>, as a table for the statistics; the whole workspace's is kept.</summary>
    public AnalysisTable Table(AnalysisScope scope, string metric) =>
        scope is { Platform: null, Account: null, From: null, To: null }
            ? Kept(metric)
            : AnalysisTable.Of(metric, In(scope));

    /// <summary>The whole workspace's table, built once however many ask; one whose building failed is dropped, to be tried again.</summary>
    private AnalysisTable Kept(string metric)
    {
        var table = tables.GetOrAdd(metric, m => new Lazy<AnalysisTable>(() => AnalysisTable.Of(m, rows)));
        try
        {
            return table.Value;
        }
        catch
        {
            tables.TryRemove(new KeyValuePair<string, Lazy<AnalysisTable>>(metric, table));
            throw;
        }
    }

    /// <summary>The hours of the week on the scope's platform (which it must name), from the scored posts in scope.</summary>
    public BestTimeEstimate BestTimes(AnalysisScope scope)
    {
        var history = new PostingHistory();
        foreach (var row in In(scope))
            history.Add(row);
        return history.Estimate(scope.Platform ?? throw new ArgumentException("Best times are per platform.", nameof(scope)));
    }
}
