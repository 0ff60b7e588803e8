namespace CreatorMeta.Analytics.Domain;

/// <summary>
/// The first <c>count</c> items of a stream in an order, kept as the stream passes, so the best ten of a million posts
/// take ten places in memory, not a million. Items that compare equal keep the order they came in.
/// </summary>
public sealed class Leaders<T>(int count, IComparer<T> order)
{
    private readonly List<T> kept = [];

    public IReadOnlyList<T> Ranked => kept;

    public void Offer(T item)
    {
        if (kept.Count == count && order.Compare(item, kept[^1]) >= 0)
            return;
        var at = kept.Count;
        while (at > 0 && order.Compare(item, kept[at - 1]) < 0)
            at--;
        kept.Insert(at, item);
        if (kept.Count > count)
            kept.RemoveAt(count);
    }
}
