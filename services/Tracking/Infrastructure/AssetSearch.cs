using System.Text;
using CreatorMeta.Tracking.Apis;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

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
/// The library search, as one SQL statement: full-text relevance over titles, descriptions and captions; filters on
/// the asset and on its live publications; keyset pagination on (relevance, created-at, id). Always one workspace.
/// </summary>
public static class AssetSearch
{
    public static Task<List<SearchHit>> SearchAsync(this TrackingDb db, string workspaceId, AssetFilter filter,
        Pagination.Position? after, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder();
        var parameters = new List<NpgsqlParameter>();
        string Param(object value, NpgsqlDbType? type = null)
        {
            var parameter = new NpgsqlParameter($"p{parameters.Count}", value);
            if (type is { } t)
                parameter.NpgsqlDbType = t;
            parameters.Add(parameter);
            return "@" + parameter.ParameterName;
        }

        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : Param(filter.Text.Trim());
        var rank = text is null ? "NULL::real" : $"ts_rank(a.search_vector, websearch_to_tsquery('simple', {text}))";
        sql.Append($"SELECT a.id AS \"Id\", a.created_at AS \"CreatedAt\", {rank} AS \"Rank\" FROM assets a WHERE a.workspace_id = {Param(workspaceId)}");
        if (text is not null)
            sql.Append($" AND a.search_vector @@ websearch_to_tsquery('simple', {text})");
        if (filter.Kind is not null) sql.Append($" AND a.kind = {Param(filter.Kind)}");
        if (filter.Status is not null) sql.Append($" AND a.status = {Param(filter.Status)}");
        if (filter.Format is not null) sql.Append($" AND a.format = {Param(filter.Format)}");
        if (filter.Topic is not null) sql.Append($" AND a.topics @> ARRAY[{Param(filter.Topic)}]");
        if (filter.VisualElement is not null) sql.Append($" AND a.visual_elements @> ARRAY[{Param(filter.VisualElement)}]");

        // Platform and hashtag alone are answered from the asset's live summary; together, or with an account or dates,
        // they must hold for one and the same live publication.
        var live = new List<string>();
        if (filter.Platform is { } platform)
        {
            var p = Param(platform);
            sql.Append($" AND a.live_platforms @> ARRAY[{p}]");
            live.Add($"p.platform = {p}");
        }
        if (filter.Hashtag is { } hashtag)
        {
            var h = Param(hashtag);
            sql.Append($" AND a.live_hashtags @> ARRAY[{h}]");
            live.Add($"p.hashtags @> ARRAY[{h}]");
        }
        var needsPublication = filter.Account is not null || filter.PublishedFrom is not null || filter.PublishedTo is not null || live.Count > 1;
        if (filter.Account is not null) live.Add($"p.account = {Param(filter.Account)}");
        if (filter.PublishedFrom is { } from) live.Add($"p.published_at >= {Param(from.ToUniversalTime())}");
        if (filter.PublishedTo is { } to) live.Add($"p.published_at < {Param(to.ToUniversalTime())}");
        if (needsPublication && filter.PublishedFrom is null && filter.PublishedTo is null)
            sql.Append($" AND EXISTS (SELECT 1 FROM publications p WHERE p.asset_id = a.id AND p.status = 'live' AND {string.Join(" AND ", live)})");
        else if (needsPublication)
        {
            // A date range is usually a narrow slice of a long history: find its publications first (by time index),
            // rather than walking the whole library newest-first to test each asset.
            sql.Append($" AND a.id IN (SELECT p.asset_id FROM publications p WHERE p.workspace_id = {Param(workspaceId)} AND p.status = 'live' AND {string.Join(" AND ", live)} OFFSET 0)");
        }
        if (filter.NotPublishedOn is not null)
            sql.Append($" AND NOT a.live_platforms @> ARRAY[{Param(filter.NotPublishedOn)}]");

        if (after is { } c)
            sql.Append(text is null
                ? $" AND (a.created_at, a.id) < ({Param(c.CreatedAt)}, {Param(c.Id)})"
                : $" AND ({rank}, a.created_at, a.id) < ({Param(c.Rank ?? 0f, NpgsqlDbType.Real)}, {Param(c.CreatedAt)}, {Param(c.Id)})");
        sql.Append(text is null ? " ORDER BY a.created_at DESC, a.id DESC" : $" ORDER BY {rank} DESC, a.created_at DESC, a.id DESC");
        sql.Append($" LIMIT {Param(limit)}");
        return db.Database.SqlQueryRaw<SearchHit>(sql.ToString(), parameters.ToArray<object>()).ToListAsync(cancellationToken);
    }
}
