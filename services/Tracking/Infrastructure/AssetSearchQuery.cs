using System.Text;
using CreatorMeta.Tracking.Apis;
using CreatorMeta.Tracking.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.Tracking.Infrastructure;

/// <summary>How a search statement reads the library.</summary>
public enum SearchRoute
{
    /// <summary>As the planner likes best.</summary>
    Planned,
    /// <summary>Only a window of the newest assets after the cursor.</summary>
    Window,
    /// <summary>Through the filters' indexes, then sorted: the created-at index is kept out of the ordering.</summary>
    Indexes,
    /// <summary>Every matching asset, unordered: only to be estimated, never run.</summary>
    Count,
}

/// <summary>One library search as SQL text with its parameters; only fixed text goes into the SQL.</summary>
public sealed class AssetSearchQuery
{
    private readonly List<string> _conditions = [];
    private readonly bool _newestFirst, _hasDateRange;

    public List<NpgsqlParameter> Parameters { get; } = [];
    /// <summary>A filtered newest-first page tries the window first (not for date ranges, which have their own route).</summary>
    public bool UsesWindow => _newestFirst && _conditions.Count > 0 && !_hasDateRange && _windowSize > 0;
    /// <summary>Topic, visual element, platform or hashtag: filters an index can answer on its own.</summary>
    public bool HasIndexedFilter { get; }
    private readonly string _workspace, _rank, _limit, _window;
    private readonly int _windowSize;
    private readonly string? _text, _cursor;

    public AssetSearchQuery(string workspaceId, AssetFilter filter, Pagination.Position? after, int limit, int newestWindow)
    {
        _workspace = Param(workspaceId);
        _text = string.IsNullOrWhiteSpace(filter.Text) ? null : Param(SearchWords.Query(filter.Text.Trim()));
        _newestFirst = _text is null;
        _rank = _text is null ? "NULL::real" : $"ts_rank(a.search_vector, websearch_to_tsquery('simple', {_text}))";
        if (_text is not null)
            _conditions.Add($"a.search_vector @@ websearch_to_tsquery('simple', {_text})");
        if (filter.Kind is not null) _conditions.Add($"a.kind = {Param(filter.Kind)}");
        if (filter.Status is not null) _conditions.Add($"a.status = {Param(filter.Status)}");
        if (filter.Format is not null) _conditions.Add($"a.format = {Param(filter.Format)}");
        if (filter.Topic is not null) _conditions.Add($"a.topics @> ARRAY[{Param(filter.Topic)}]");
        if (filter.VisualElement is not null) _conditions.Add($"a.visual_elements @> ARRAY[{Param(filter.VisualElement)}]");

        // Platform and hashtag alone are answered from the asset's live summary; together, or with an account or
        // dates, they must hold for one and the same live publication.
        var live = new List<string>();
        if (filter.Platform is { } platform)
        {
            var p = Param(platform);
            _conditions.Add($"a.live_platforms @> ARRAY[{p}]");
            live.Add($"p.platform = {p}");
        }
        if (filter.Hashtag is { } hashtag)
        {
            var h = Param(hashtag);
            _conditions.Add($"a.live_hashtags @> ARRAY[{h}]");
            live.Add($"p.hashtags @> ARRAY[{h}]");
        }
        HasIndexedFilter = filter.Topic is not null || filter.VisualElement is not null || filter.Platform is not null || filter.Hashtag is not null;
        _hasDateRange = filter.PublishedFrom is not null || filter.PublishedTo is not null;
        var needsPublication = filter.Account is not null || _hasDateRange || live.Count > 1;
        if (filter.Account is not null) live.Add($"p.account = {Param(filter.Account)}");
        if (filter.PublishedFrom is { } from) live.Add($"p.published_at >= {Param(from.ToUniversalTime())}");
        if (filter.PublishedTo is { } to) live.Add($"p.published_at < {Param(to.ToUniversalTime())}");
        if (needsPublication && !_hasDateRange)
            _conditions.Add($"EXISTS (SELECT 1 FROM publications p WHERE p.asset_id = a.id AND p.status = 'live' AND {string.Join(" AND ", live)})");
        else if (needsPublication)
        {
            // A date range is usually a narrow slice of a long history: find its publications first (by time index),
            // rather than walking the whole library newest-first to test each asset.
            _conditions.Add($"a.id IN (SELECT p.asset_id FROM publications p WHERE p.workspace_id = {_workspace} AND p.status = 'live' AND {string.Join(" AND ", live)} OFFSET 0)");
        }
        if (filter.NotPublishedOn is not null)
            _conditions.Add($"NOT a.live_platforms @> ARRAY[{Param(filter.NotPublishedOn)}]");

        if (after is { } c)
            _cursor = _text is null
                ? $"(a.created_at, a.id) < ({Param(c.CreatedAt)}, {Param(c.Id)})"
                : $"({_rank}, a.created_at, a.id) < ({Param(c.Rank ?? 0f, NpgsqlDbType.Real)}, {Param(c.CreatedAt)}, {Param(c.Id)})";
        _limit = Param(limit);
        _window = Param(newestWindow);
        _windowSize = newestWindow;
    }

    /// <summary>The statement reading the library the way <paramref name="route"/> says.</summary>
    public string Sql(SearchRoute route)
    {
        var after = _cursor is null ? "" : " AND " + _cursor;
        var sql = new StringBuilder(route == SearchRoute.Count ? "SELECT 1 FROM " : $"SELECT a.id AS \"Id\", a.created_at AS \"CreatedAt\", {_rank} AS \"Rank\" FROM ");
        sql.Append(route == SearchRoute.Window
            ? $"(SELECT * FROM assets a WHERE a.workspace_id = {_workspace}{after} ORDER BY a.created_at DESC, a.id DESC LIMIT {_window}) a WHERE true"
            : $"assets a WHERE a.workspace_id = {_workspace}{after}");
        foreach (var condition in _conditions)
            sql.Append(" AND ").Append(condition);
        if (route == SearchRoute.Count)
            return sql.ToString();
        // "+ interval '0 s'" hides the created-at index from the ordering, so PostgreSQL finds the rows through the
        // filters' indexes and sorts them.
        var createdAt = route == SearchRoute.Indexes ? "a.created_at + interval '0 s'" : "a.created_at";
        sql.Append(_newestFirst ? $" ORDER BY {createdAt} DESC, a.id DESC" : $" ORDER BY {_rank} DESC, a.created_at DESC, a.id DESC");
        sql.Append($" LIMIT {_limit}");
        return sql.ToString();
    }

    private string Param(object value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter($"p{Parameters.Count}", value);
        if (type is { } t)
            parameter.NpgsqlDbType = t;
        Parameters.Add(parameter);
        return "@" + parameter.ParameterName;
    }
}
