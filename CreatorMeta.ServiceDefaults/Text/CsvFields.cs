namespace CreatorMeta.ServiceDefaults.Text;

/// <summary>CSV as RFC 4180 writes it.</summary>
public static class CsvFields
{
    /// <summary>A field with a comma, a quote or a line break is quoted, its quotes doubled; any other is written as it is.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    public static string Row(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));
}
