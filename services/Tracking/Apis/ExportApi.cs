using CreatorMeta.ServiceDefaults.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CreatorMeta.Tracking.Apis;

/// <summary>The whole ledger (or a filtered part of it) as CSV — one row per publication — or as JSON, streamed.</summary>
public static class ExportApi
{
    private const int Batch = 500;

    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        // The file type is in the path: "format" already filters assets by their format.
        app.MapGet("/api/v1/assets/export.csv", ([AsParameters] AssetQuery query, WorkspaceId workspace, TrackingDb db, IOptions<JsonOptions> json) =>
            Export(query, workspace, db, json, "csv")).WithTags("Assets");
        app.MapGet("/api/v1/assets/export.json", ([AsParameters] AssetQuery query, WorkspaceId workspace, TrackingDb db, IOptions<JsonOptions> json) =>
            Export(query, workspace, db, json, "json")).WithTags("Assets");
        return app;
    }

    public static Results<PushStreamHttpResult, ValidationProblem> Export(
        AssetQuery query, WorkspaceId workspace, TrackingDb db, IOptions<JsonOptions> json, string fileType)
    {
        var errors = (query with { Limit = null, Cursor = null }).Validate(out var filter, out _, out _);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return fileType == "csv"
            ? TypedResults.Stream(stream => WriteCsvAsync(stream, db, workspace, filter), "text/csv; charset=utf-8", $"ledger-{stamp}.csv")
            : TypedResults.Stream(stream => WriteJsonAsync(stream, db, workspace, filter, json.Value.SerializerOptions), "application/json", $"ledger-{stamp}.json");
    }

    private static async IAsyncEnumerable<Asset> AllAsync(TrackingDb db, WorkspaceId workspace, AssetFilter filter)
    {
        Pagination.Position? after = null;
        while (true)
        {
            // An export reads every match anyway, so the walk from the newest asset is the right order; no window.
            var hits = await db.SearchAsync(workspace.Value, filter, after, Batch, newestWindow: null, CancellationToken.None);
            foreach (var asset in await db.LoadInOrderAsync(hits.Select(h => h.Id).ToList(), CancellationToken.None))
                yield return asset;
            if (hits.Count < Batch)
                yield break;
            after = hits[^1].Position;
        }
    }

    private static Task WriteJsonAsync(Stream stream, TrackingDb db, WorkspaceId workspace, AssetFilter filter, JsonSerializerOptions options) =>
        JsonSerializer.SerializeAsync(stream, Responses(db, workspace, AllAsync(db, workspace, filter)), options);

    private static async IAsyncEnumerable<AssetResponse> Responses(TrackingDb db, WorkspaceId workspace, IAsyncEnumerable<Asset> assets)
    {
        var zones = await db.AccountTimeZonesAsync(workspace.Value, CancellationToken.None);
        await foreach (var asset in assets)
            yield return AssetResponse.From(asset, zones);
    }

    private static readonly string[] Columns =
    [
        "asset_id", "title", "kind", "status", "content_hash", "topics", "visual_elements", "format",
        "publication_id", "platform", "account", "external_post_id", "post_url", "published_at", "published_local", "time_zone", "publication_status", "caption", "hashtags",
    ];

    private static async Task WriteCsvAsync(Stream stream, TrackingDb db, WorkspaceId workspace, AssetFilter filter)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        await writer.WriteLineAsync(string.Join(',', Columns));
        var zones = await db.AccountTimeZonesAsync(workspace.Value, CancellationToken.None);
        await foreach (var a in AllAsync(db, workspace, filter))
        {
            string[] asset = [a.Id.ToString(), a.Title, Name(a.Kind), Name(a.Status), a.ContentHash ?? "", string.Join('|', a.Topics),
                string.Join('|', a.VisualElements), a.Format ?? ""];
            var publications = a.Publications.OrderBy(p => p.PublishedAt).ToList();
            if (publications.Count == 0)
                await writer.WriteLineAsync(Row([.. asset, .. Enumerable.Repeat("", Columns.Length - asset.Length)]));
            foreach (var p in publications)
            {
                var local = zones.Of(p.Platform, p.Account, p.PublishedAt);
                await writer.WriteLineAsync(Row([.. asset, p.Id.ToString(), p.Platform, p.Account, p.ExternalPostId ?? "", p.PostUrl ?? "",
                    p.PublishedAt.ToString("O", CultureInfo.InvariantCulture), local?.At.ToString("O", CultureInfo.InvariantCulture) ?? "",
                    local?.TimeZone ?? "", Name(p.Status), p.Caption ?? "", string.Join('|', p.Hashtags)]));
            }
        }
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula.</summary>
    internal static string Row(IEnumerable<string> fields) =>
        CsvFields.Row(fields.Select(field => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field));
}
