using CsvHelper;

namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>A CSV file's header and rows, each row with the line it starts on.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Rows);

/// <summary>
/// Reads an export as the platforms write it (RFC 4180 with CRLF or LF, a byte order mark, quoted fields holding commas and
/// line breaks); a row of nothing but empty cells, like the last line of Instagram's export, is not a row.
/// </summary>
public static class CsvParser
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',', TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Throws <see cref="CsvFormatException"/> for quoting that no export writes.</summary>
    public static CsvTable Parse(string text)
    {
        using var reader = CsvReader.Create(new StringReader(text), Options, false);
        var header = reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var rows = new List<(int Line, IReadOnlyList<string> Cells)>();
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
            if (cells.Any(c => c.Trim().Length > 0))
                rows.Add(((int)reader.LineNumber, cells));
        }
        return new CsvTable(header, rows);
    }
}
