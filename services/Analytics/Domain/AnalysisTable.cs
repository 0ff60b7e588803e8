using System.Runtime.InteropServices;
using CreatorMeta.Analytics.Domain.Trends;

namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// The posts an analysis compares, column by column: each post's value on the metric, its asset, its account, and the
/// attribute values it has as numbers into <see cref="AttributeValues"/>. A million posts take tens of megabytes and each
/// statistic reads them in one pass, where a million rows of strings would take gigabytes and a hash lookup per value.
/// Rows keep the order they were added in, so the same rows always sum, and answer, the same way.
/// </summary>
public sealed class AnalysisTable(string metric)
{
    private readonly List<double> values = [];
    private readonly List<int> assets = [];
    private readonly List<int> accounts = [];
    private readonly List<int> valueStart = [0];
    private readonly List<int> valueCodes = [];
    private readonly Dictionary<Guid, int[]> descriptions = [];
    private readonly Dictionary<Guid, int> assetIndex = [];
    private readonly List<int[]> assetValues = [];
    private readonly Dictionary<(string Platform, string Account), int> accountIndex = [];
    private readonly List<(string Platform, string Account)> accountNames = [];
    private readonly List<int> platformCodes = [];
    private readonly int[] weekdayCodes = [.. Enumerable.Repeat(-1, 7)];
    private readonly int[] hourCodes = [.. Enumerable.Repeat(-1, 24)];
    private readonly Dictionary<(string Attribute, string Value), int> codes = [];
    private readonly List<(string Attribute, string Value)> vocabulary = [];

    public string Metric { get; } = metric;

    public int Count => values.Count;

    /// <summary>How many assets the posts are of (the clusters of the model).</summary>
    public int AssetCount => assetValues.Count;

    /// <summary>Every attribute value some post has; a post's values are indices into this list.</summary>
    public IReadOnlyList<(string Attribute, string Value)> AttributeValues => vocabulary;

    /// <summary>The (platform, account) pairs posts went out on; <see cref="Account"/> indexes into this list.</summary>
    public IReadOnlyList<(string Platform, string Account)> Accounts => accountNames;

    public double Value(int row) => values[row];

    public int Asset(int row) => assets[row];

    public int Account(int row) => accounts[row];

    /// <summary>The attribute values of a post, each once.</summary>
    public ReadOnlySpan<int> ValuesOf(int row) => CollectionsMarshal.AsSpan(valueCodes)[valueStart[row]..valueStart[row + 1]];

    public static AnalysisTable Of(string metric, IEnumerable<AnalysisRow> rows)
    {
        var table = new AnalysisTable(metric);
        foreach (var row in rows)
            table.Add(row);
        return table;
    }

    /// <summary>What an asset is, before its posts are added; the posts of an asset never described read as kind "unknown".</summary>
    public void Describe(Guid assetId, string kind, string? format, double? durationSeconds, string? language, IReadOnlyList<string> topics,
        IReadOnlyList<string> visualElements) =>
        descriptions[assetId] = [.. Trends.AttributeValues.OfAsset(kind, format, durationSeconds, language, topics, visualElements).Select(Code).Distinct()];

    /// <summary>Adds the post when it has the table's metric.</summary>
    public bool Add(AnalysisRow row)
    {
        if (row.ValueOf(Metric) is not { } value)
            return false;
        if (!descriptions.ContainsKey(row.AssetId))
            Describe(row.AssetId, row.Kind, row.Format, row.DurationSeconds, row.Language, row.Topics, row.VisualElements);
        Add(row.AssetId, row.Platform, row.Account, row.Weekday, row.Hour, row.CaptionLength, row.HashtagCount, value);
        return true;
    }

    /// <summary>Adds a post by its parts, with its value on the table's metric.</summary>
    public void Add(Guid assetId, string platform, string account, DayOfWeek weekday, int hour, int captionLength, int hashtagCount, double value)
    {
        if (!assetIndex.TryGetValue(assetId, out var asset))
        {
            assetIndex[assetId] = asset = assetValues.Count;
            assetValues.Add(descriptions.GetValueOrDefault(assetId)
                ?? [.. Trends.AttributeValues.OfAsset(Unknown, null, null, null, [], []).Select(Code)]);
        }
        if (!accountIndex.TryGetValue((platform, account), out var at))
        {
            accountIndex[(platform, account)] = at = accountNames.Count;
            accountNames.Add((platform, account));
            platformCodes.Add(Code(Trends.AttributeValues.Platform(platform)));
        }
        values.Add(value);
        assets.Add(asset);
        accounts.Add(at);
        valueCodes.AddRange(assetValues[asset]);
        valueCodes.Add(Code(Trends.AttributeValues.CaptionLength(captionLength)));
        valueCodes.Add(Code(Trends.AttributeValues.HashtagCount(hashtagCount)));
        valueCodes.Add(weekdayCodes[(int)weekday] is >= 0 and var day ? day : weekdayCodes[(int)weekday] = Code(Trends.AttributeValues.Weekday(weekday)));
        valueCodes.Add(hourCodes[hour] is >= 0 and var h ? h : hourCodes[hour] = Code(Trends.AttributeValues.Hour(hour)));
        valueCodes.Add(platformCodes[at]);
        valueStart.Add(valueCodes.Count);
    }

    /// <summary>The kind of a post whose asset analytics has not been told about yet.</summary>
    public const string Unknown = "unknown";

    /// <summary>The rows grouped by asset (counting sort, rows of an asset in table order), with where each asset's rows start.</summary>
    public (int[] Rows, int[] Start) RowsByAsset()
    {
        var start = new int[AssetCount + 1];
        foreach (var asset in assets)
            start[asset + 1]++;
        for (var a = 0; a < AssetCount; a++)
            start[a + 1] += start[a];
        var next = start[..^1];
        var rows = new int[Count];
        for (var row = 0; row < Count; row++)
            rows[next[assets[row]]++] = row;
        return (rows, start);
    }

    private int Code((string Attribute, string Value) attributeValue)
    {
        if (!codes.TryGetValue(attributeValue, out var code))
        {
            codes[attributeValue] = code = vocabulary.Count;
            vocabulary.Add(attributeValue);
        }
        return code;
    }
}
