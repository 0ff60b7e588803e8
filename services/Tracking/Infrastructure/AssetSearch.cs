using System.Text.Json;
using CreatorMeta.Tracking.Apis;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Infrastructure;

/// <summary>What a library search asks for; every part is optional and they combine with AND.</summary>
public sealed record AssetFilter(
    string? Text, string? Platform, string? Account, string? Topic, string? VisualElement, string? Format, string? Kind,
    string? Hashtag, string? Status, DateTimeOffset? PublishedFrom, DateTimeOffset? PublishedTo, string? NotPublishedOn);

public sealed record SearchHit(Guid Id, DateTimeOffset CreatedAt, float? Rank)
{
    public Pagination.Position Position => new(Rank, CreatedAt, Id);
}

/// <summary>
/// The library search in SQL: full-text relevance over titles, descriptions and captions; filters on the asset and on
/// its live publications; keyset pagination on (relevance, created-at, id). Always one workspace.
/// </summary>
public static class AssetSearch
{
    /// <summary>Up to this many matches in the whole library are found through the filters' indexes and sorted.</summary>
    private const double IndexedRouteMaxRows = 50_000;

    public static async Task<List<SearchHit>> SearchAsync(this TrackingDb db, string workspaceId, AssetFilter filter,
        Pagination.Position? after, int limit, int? newestWindow, CancellationToken cancellationToken)
    {
        var query = new AssetSearchQuery(workspaceId, filter, after, limit, newestWindow ?? 0);
        if (!query.UsesWindow)
            return await RunAsync(db, query.Sql(SearchRoute.Planned), query, cancellationToken);

        // The planner assumes matches are spread evenly through time, so for a filtered newest-first page it walks the
        // library from the newest asset: fast when matches are common, but it reads most of the library when the newest
        // assets don't match (a batch of imported placeholders, say). A bounded window of the newest assets comes first;
        // a full page from it is exact, since everything outside the window is older.
        var recent = await RunAsync(db, query.Sql(SearchRoute.Window), query, cancellationToken);
        if (recent.Count == limit)
            return recent;
        // Too few among the newest. The planner knows well how many assets match, only not where they are: few are
        // found through the filters' indexes and sorted; many, by walking on.
        var route = query.HasIndexedFilter && await EstimateAsync(db, query, cancellationToken) <= IndexedRouteMaxRows
            ? SearchRoute.Indexes : SearchRoute.Planned;
        return await RunAsync(db, query.Sql(route), query, cancellationToken);
    }

    private static Task<List<SearchHit>> RunAsync(TrackingDb db, string sql, AssetSearchQuery query, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<SearchHit>(sql, query.Parameters.Select(p => p.Clone()).ToArray<object>()).ToListAsync(cancellationToken);

    /// <summary>PostgreSQL's estimate of how many assets match, from its statistics (EXPLAIN plans, it does not run).</summary>
    private static async Task<double> EstimateAsync(TrackingDb db, AssetSearchQuery query, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN (FORMAT JSON) " + query.Sql(SearchRoute.Count);
            command.Parameters.AddRange(query.Parameters.Select(p => p.Clone()).ToArray());
            var plan = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
            using var json = JsonDocument.Parse(plan);
            return json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
