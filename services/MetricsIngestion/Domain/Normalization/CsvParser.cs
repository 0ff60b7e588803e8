using System.Text;

namespace CreatorMeta.MetricsIngestion.Domain.Normalization;

/// <summary>A CSV file's header and rows, each row with the line it starts on.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<(int Line, IReadOnlyList<string> Cells)> Rows);

/// <summary>
/// RFC 4180 as the platforms' exports write it: comma-separated, fields in double quotes may hold commas, quotes ("") and
/// line breaks, CRLF or LF line ends, a UTF-8 byte order mark, and a last line that is empty or all commas.
/// </summary>
public static class CsvParser
{
    public static CsvTable Parse(string text)
    {
        var records = new List<(int Line, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (line, recordLine, quoted, i) = (1, 1, false, text.StartsWith('\uFEFF') ? 1 : 0);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    cell.Append(text[++i]);
                else if (c == '"')
                    quoted = false;
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
                quoted = true;
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                End();
                recordLine = ++line;
            }
            else
                cell.Append(c);
        }
        End();
        return records.Count == 0
            ? new CsvTable([], [])
            : new CsvTable([.. records[0].Cells.Select(h => h.Trim())], [.. records.Skip(1).Select(r => (r.Line, (IReadOnlyList<string>)r.Cells))]);

        void End()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (cells.Any(c => c.Trim().Length > 0))
                records.Add((recordLine, [.. cells]));
            cells.Clear();
        }
    }
}
