using System.Text;

namespace CreatorMeta.Bench;

/// <summary>Real captions and hashtags (../shared/datasets/tiktok-vn-2025), so text search and tag filters see real text.</summary>
public sealed record Dataset(IReadOnlyList<string> Captions, IReadOnlyList<string[]> Hashtags)
{
    public static Dataset Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "..", "shared", "datasets", "tiktok-vn-2025", "raw_data.csv");
        var rows = ParseCsv(File.ReadAllText(path)).Skip(1).Where(r => r.Count >= 13).ToList();
        return new Dataset(
            rows.Select(r => r[3]).Where(c => c.Length > 0).ToList(),
            rows.Select(r => r[12].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList());
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<List<string>> ParseCsv(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return row;
                row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
