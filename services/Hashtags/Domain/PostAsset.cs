using CreatorMeta.Contracts;

namespace CreatorMeta.Hashtags.Domain;

/// <summary>
/// What the statistics hold equal about an asset (its format and kind) and what recommendations start from (its topics).
/// Registration and updates come on separate queues in any order, so the newest description (by when tracking made it) wins.
/// </summary>
public sealed class PostAsset
{
    private PostAsset() { }

    public Guid AssetId { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string? Format { get; private set; }
    public List<string> Topics { get; private set; } = [];
    public DateTimeOffset AsOf { get; private set; }

    public static PostAsset For(Guid assetId, string workspaceId) => new() { AssetId = assetId, WorkspaceId = workspaceId, AsOf = DateTimeOffset.MinValue };

    public void Describe(string kind, string? format, IReadOnlyList<string> topics, DateTimeOffset asOf)
    {
        if (asOf <= AsOf)
            return;
        Kind = Labels.Normalize(kind) ?? "unknown";
        Format = Labels.Normalize(format);
        Topics = Labels.Of(topics);
        AsOf = asOf.ToUniversalTime();
    }
}
