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
    private readonly Func<AnalysisRow, double?> valueOf = AnalysisRow.Metrics[metric];
    private readonly List<double> values = [];
    private readonly List<int> assets = [];
    private readonly List<int> accounts = [];
    private readonly List<int> valueStart = [0];
    private readonly List<int> valueCodes = [];
    private readonly Dictionary<Guid, int> assetIndex = [];
    private readonly List<int[]> assetValues = [];
    private readonly Dictionary<(string Platform, string Account), int> accountIndex = [];
    private readonly List<(string Platform, string Account)> accountNames = [];
    private readonly Dictionary<(string Attribute, string Value), int> codes = [];
    private readonly List<(string Attribute, string Value)> vocabulary = [];

    public string Metric { get; } = metric;

    public int Count => values.Count;

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

    /// <summary>Adds the post when it has the metric; an asset's own attributes are encoded the first time it is seen.</summary>
    public bool Add(AnalysisRow row)
    {
        if (valueOf(row) is not { } value)
            return false;
        if (!assetIndex.TryGetValue(row.AssetId, out var asset))
        {
            assetIndex[row.AssetId] = asset = assetValues.Count;
            assetValues.Add([.. Trends.AttributeValues.OfAsset(row).Select(Code).Distinct()]);
        }
        if (!accountIndex.TryGetValue((row.Platform, row.Account), out var account))
        {
            accountIndex[(row.Platform, row.Account)] = account = accountNames.Count;
            accountNames.Add((row.Platform, row.Account));
        }
        values.Add(value);
        assets.Add(asset);
        accounts.Add(account);
        valueCodes.AddRange(assetValues[asset]);
        foreach (var postValue in Trends.AttributeValues.OfPost(row))
            valueCodes.Add(Code(postValue));
        valueStart.Add(valueCodes.Count);
        return true;
    }

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
