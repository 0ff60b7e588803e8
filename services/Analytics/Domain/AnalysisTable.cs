using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CreatorMeta.Analytics.Domain.Trends;

namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// The posts an analysis compares, column by column: each post's value on the metric, its asset, its account, and the
/// attribute values it has as numbers into <see cref="AttributeValues"/>. A million posts take tens of megabytes and each
/// statistic reads them in one pass, where a million rows of strings would take gigabytes and a hash lookup per value.
/// Rows keep the order they were added in, so the same rows always sum, and answer, the same way.
/// </summary>
public sealed class AnalysisTable
{
    private readonly List<double> values = [];
    private readonly List<int> assets = [];
    private readonly List<int> accounts = [];
    private readonly List<int> valueStart = [0];
    private readonly List<int> valueCodes = [];
    private readonly Dictionary<Guid, int> assetIndex = [];
    private readonly List<int[]> assetValues = [];
    private readonly Dictionary<(string Platform, string Account), int> accountIndex = [];
    private readonly Dictionary<(string Platform, string Account), int> accountBySameStrings = new(SameStrings.Instance);
    private readonly Dictionary<int, int> captionCodes = [];
    private readonly Dictionary<int, int> hashtagCodes = [];
    private readonly List<(string Platform, string Account)> accountNames = [];
    private readonly List<int> platformCodes = [];
    private readonly int[] weekdayCodes = [.. Enumerable.Repeat(-1, 7)];
    private readonly int[] hourCodes = [.. Enumerable.Repeat(-1, 24)];
    private readonly Dictionary<(string Attribute, string Value), int> codes = [];
    private readonly List<(string Attribute, string Value)> vocabulary = [];

    private AnalysisTable(string metric) => Metric = metric;

    public string Metric { get; }

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

    /// <summary>Adds the post when it has the table's metric; an asset's own attributes are encoded the first time it is seen.</summary>
    private bool Add(AnalysisRow row)
    {
        if (row.ValueOf(Metric) is not { } value)
            return false;
        if (!assetIndex.TryGetValue(row.AssetId, out var asset))
        {
            assetIndex[row.AssetId] = asset = assetValues.Count;
            var own = new List<int>();
            foreach (var attributeValue in Trends.AttributeValues.OfAsset(row.Kind, row.Format, row.DurationSeconds, row.Language, row.Topics, row.VisualElements))
                if (Code(attributeValue) is var code && !own.Contains(code))
                    own.Add(code);
            assetValues.Add([.. own]);
        }
        var (platform, account) = (row.Platform, row.Account);
        if (!accountBySameStrings.TryGetValue((platform, account), out var at))
        {
            if (!accountIndex.TryGetValue((platform, account), out at))
            {
                accountIndex[(platform, account)] = at = accountNames.Count;
                accountNames.Add((platform, account));
                platformCodes.Add(Code(Trends.AttributeValues.Platform(platform)));
            }
            accountBySameStrings[(platform, account)] = at;
        }
        values.Add(value);
        assets.Add(asset);
        accounts.Add(at);
        valueCodes.AddRange(assetValues[asset]);
        valueCodes.Add(captionCodes.TryGetValue(row.CaptionLength, out var caption) ? caption
            : captionCodes[row.CaptionLength] = Code(Trends.AttributeValues.CaptionLength(row.CaptionLength)));
        valueCodes.Add(hashtagCodes.TryGetValue(row.HashtagCount, out var hashtags) ? hashtags
            : hashtagCodes[row.HashtagCount] = Code(Trends.AttributeValues.HashtagCount(row.HashtagCount)));
        var day = (int)row.Weekday;
        valueCodes.Add(weekdayCodes[day] >= 0 ? weekdayCodes[day] : weekdayCodes[day] = Code(Trends.AttributeValues.Weekday(row.Weekday)));
        valueCodes.Add(hourCodes[row.Hour] >= 0 ? hourCodes[row.Hour] : hourCodes[row.Hour] = Code(Trends.AttributeValues.Hour(row.Hour)));
        valueCodes.Add(platformCodes[at]);
        valueStart.Add(valueCodes.Count);
        return true;
    }

    private Tuple<int[], int[]>? byAsset;

    /// <summary>
    /// The rows grouped by asset (counting sort, rows of an asset in table order), with where each asset's rows start;
    /// computed once (a table is complete once built; two analyses asking at once may both compute it, alike).
    /// </summary>
    public (int[] Rows, int[] Start) RowsByAsset()
    {
        byAsset ??= GroupByAsset();
        return (byAsset.Item1, byAsset.Item2);
    }

    private Tuple<int[], int[]> GroupByAsset()
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
        return Tuple.Create(rows, start);
    }

    /// <summary>
    /// Posts read together share their platform and handle strings, so an account is found by the strings themselves
    /// (no hashing of their text) and only a pair of strings not seen before is looked up by value.
    /// </summary>
    private sealed class SameStrings : IEqualityComparer<(string, string)>
    {
        public static readonly SameStrings Instance = new();

        public bool Equals((string, string) x, (string, string) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string, string) pair) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Item1), RuntimeHelpers.GetHashCode(pair.Item2));
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
