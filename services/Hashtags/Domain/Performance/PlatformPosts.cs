namespace CreatorMeta.Hashtags.Domain.Performance;

/// <summary>
/// One platform's posts laid out as the tag statistics read them, in publication order (then by id): each post's account, its
/// account-format-daypart stratum and its asset as dense codes, its value and time, and each tag's posts. Building this
/// is most of the cost of reading a library; it depends on the posts alone, not on how an analysis weighs them, so a
/// workspace's copy builds it once and every analysis after that starts from it.
/// </summary>
public sealed class PlatformPosts
{
    private PlatformPosts(string platform, int count)
    {
        Platform = platform;
        (Account, Stratum, Asset, Value, PublishedAt) = (new int[count], new int[count], new int[count], new double[count], new DateTimeOffset[count]);
    }

    public string Platform { get; }
    public int[] Account { get; }
    public int Accounts { get; private set; }
    public int[] Stratum { get; }
    public int Strata { get; private set; }
    public int[] Asset { get; }
    public int Assets { get; private set; }
    public double[] Value { get; }
    public DateTimeOffset[] PublishedAt { get; }

    /// <summary>Each tag with the indices of its posts (ascending), tags in the order first used.</summary>
    public IReadOnlyList<(string Tag, int[] Posts)> Tags { get; private set; } = [];

    public int Count => Value.Length;

    /// <summary>The rows' platforms apart (laid out side by side), in ordinal order of platform, each in publication order.</summary>
    public static IReadOnlyList<PlatformPosts> Of(IReadOnlyList<PerformanceRow> rows) =>
        [.. rows.GroupBy(r => r.Platform).OrderBy(g => g.Key, StringComparer.Ordinal).AsParallel().AsOrdered()
            .Select(g => On(g.Key, [.. g.OrderBy(r => r.PublishedAt).ThenBy(r => r.PublicationId)]))];

    private static PlatformPosts On(string platform, List<PerformanceRow> rows)
    {
        var posts = new PlatformPosts(platform, rows.Count);
        var (accounts, strata, assets) = (new Codes<string>(), new Codes<(string, string, string)>(), new Codes<Guid>());
        var postsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            posts.Account[i] = accounts.Of(row.Account);
            posts.Stratum[i] = strata.Of((row.Account, row.Format, row.Daypart));
            posts.Asset[i] = assets.Of(row.AssetId);
            (posts.Value[i], posts.PublishedAt[i]) = (row.Value, row.PublishedAt);
            foreach (var tag in row.Tags)
                (postsOf.TryGetValue(tag, out var tagged) ? tagged : postsOf[tag] = []).Add(i);
        }
        (posts.Accounts, posts.Strata, posts.Assets) = (accounts.Count, strata.Count, assets.Count);
        posts.Tags = [.. postsOf.Select(p => (p.Key, p.Value.ToArray()))];
        return posts;
    }

    /// <summary>Dense codes 0, 1, 2, … for keys in the order first seen.</summary>
    private sealed class Codes<TKey> where TKey : notnull
    {
        private readonly Dictionary<TKey, int> codes = [];
        public int Count => codes.Count;
        public int Of(TKey key) => codes.TryGetValue(key, out var code) ? code : codes[key] = codes.Count;
    }
}
