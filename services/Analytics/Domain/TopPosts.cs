namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// The best and the worst posts on a metric, kept as the posts pass. Ties go to the earlier post, then the smaller
/// publication id, so the same data always lists the same way.
/// </summary>
public sealed class TopPosts(string metric, int limit)
{
    private static readonly Comparer<(AnalysisRow Row, double Value)> Highest =
        Comparer<(AnalysisRow Row, double Value)>.Create((a, b) => b.Value.CompareTo(a.Value) is var c and not 0 ? c : Tie(a.Row, b.Row));

    private static readonly Comparer<(AnalysisRow Row, double Value)> Lowest =
        Comparer<(AnalysisRow Row, double Value)>.Create((a, b) => a.Value.CompareTo(b.Value) is var c and not 0 ? c : Tie(a.Row, b.Row));

    private readonly Leaders<(AnalysisRow Row, double Value)> top = new(limit, Highest);
    private readonly Leaders<(AnalysisRow Row, double Value)> bottom = new(limit, Lowest);

    public string Metric { get; } = metric;

    /// <summary>How many posts had the metric.</summary>
    public int Count { get; private set; }

    public IReadOnlyList<(AnalysisRow Row, double Value)> Top => top.Ranked;

    public IReadOnlyList<(AnalysisRow Row, double Value)> Bottom => bottom.Ranked;

    public void Add(AnalysisRow row)
    {
        if (row.ValueOf(Metric) is not { } value)
            return;
        Count++;
        top.Offer((row, value));
        bottom.Offer((row, value));
    }

    private static int Tie(AnalysisRow a, AnalysisRow b) =>
        a.PublishedAt.CompareTo(b.PublishedAt) is var c and not 0 ? c : a.PublicationId.CompareTo(b.PublicationId);
}
