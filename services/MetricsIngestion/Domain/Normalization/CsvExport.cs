using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>Which columns of an export name the post, the time of reading, and the numbers.</summary>
public sealed record CsvLayout(int PostIdColumn, int? ObservedAtColumn, IReadOnlyList<int> ValueColumns);

/// <summary>One row as an observation's fields.</summary>
public sealed record CsvRow(string PostId, DateTimeOffset ObservedAt, Dictionary<string, JsonElement> Metrics, string SourceEventId);

/// <summary>
/// A platform's own analytics export read through the same mapping rows as every other reading. A column the mapping
/// knows is a metric, and a cell in it that is not a count refuses its row; any other column is kept as an unmapped raw
/// field where its cell is a number (a surface breakdown, a conversion rate) and left out where it is text (the caption,
/// the hashtags, a date). Each row's source event id is a digest of what it says, so uploading a file twice stores it once.
/// </summary>
public static class CsvExport
{
    public static readonly IReadOnlyList<string> PostIdHeaders = ["Post ID", "post_id", "postId", "externalPostId", "Media ID", "Video ID", "Tweet ID", "Pin ID", "id"];
    public static readonly IReadOnlyList<string> ObservedAtHeaders = ["Observed At", "observed_at", "observedAt"];

    public static (CsvLayout? Layout, string? Problem) Layout(IReadOnlyList<string> header, MappingSet mappings, string platform, DateTimeOffset observedAt)
    {
        var postId = Find(header, PostIdHeaders);
        if (postId is null)
            return (null, $"No column names the post: add one of {string.Join(", ", PostIdHeaders.Select(h => $"'{h}'"))} with the platform's post id.");
        var observedColumn = Find(header, ObservedAtHeaders);
        var values = Enumerable.Range(0, header.Count).Where(c => c != postId && c != observedColumn).ToList();
        if (!values.Any(c => mappings.InForce(platform, header[c], observedAt) is not null))
            return (null, $"None of the columns is a {platform} metric in force at {observedAt:O}; see GET /api/v1/metrics/mappings?platform={platform}.");
        return (new CsvLayout(postId.Value, observedColumn, values), null);
    }

    /// <summary>The row as an observation's fields, or why it cannot be one.</summary>
    public static (CsvRow? Row, string? Problem) Read(
        CsvLayout layout, IReadOnlyList<string> header, IReadOnlyList<string> cells, MappingSet mappings, string platform, string account,
        DateTimeOffset observedAt)
    {
        string Cell(int column) => column < cells.Count ? cells[column].Trim() : "";
        var postId = Cell(layout.PostIdColumn);
        var at = observedAt;
        if (layout.ObservedAtColumn is { } observed && !DateTimeOffset.TryParse(Cell(observed), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out at))
            return (null, $"'{header[observed]}' is not a time (ISO 8601, e.g. 2025-05-01T10:00:00Z).");
        var metrics = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var column in layout.ValueColumns)
        {
            var value = RawValues.Read(Cell(column));
            var mapped = mappings.InForce(platform, header[column], at) is not null;
            if (mapped && value.Kind == RawValueKind.Invalid)
                return (null, $"'{header[column]}' {value.Problem}.");
            if (mapped || value.Kind == RawValueKind.Value)
                metrics[header[column]] = JsonSerializer.SerializeToElement(value.Kind == RawValueKind.Absent ? null : Cell(column));
        }
        if (postId.Length == 0)
            return (null, "The post id is empty.");
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001F', new[] { platform, account, postId, at.ToString("O") }.Concat(cells))));
        return (new CsvRow(postId, at, metrics, "csv:" + Convert.ToHexString(digest)[..40]), null);
    }

    private static int? Find(IReadOnlyList<string> header, IReadOnlyList<string> names)
    {
        foreach (var name in names)
            for (var c = 0; c < header.Count; c++)
                if (string.Equals(header[c], name, StringComparison.OrdinalIgnoreCase))
                    return c;
        return null;
    }
}
