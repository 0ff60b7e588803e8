using CreatorMeta.MetricsIngestion.Infrastructure;

namespace CreatorMeta.MetricsIngestion.Apis;

/// <summary>Per-item answers of the upload routes (JSON items by index, CSV rows by line).</summary>
public static class ItemResults
{
    public static ItemResult From(int index, StoreOutcome outcome) => outcome switch
    {
        StoreOutcome.Stored => new ItemResult(index, "stored"),
        StoreOutcome.Duplicate => new ItemResult(index, "duplicate"),
        _ => new ItemResult(index, "rejected", new Dictionary<string, string[]>
        {
            ["observedAt"] = ["observedAt is before the post was published: it cannot be a reading of this post."],
        }),
    };

    public static BatchResult Summarize(IReadOnlyList<ItemResult> results) => new(
        results.Count(r => r.Status == "stored"), results.Count(r => r.Status == "duplicate"), results.Count(r => r.Status == "rejected"), results);
}
