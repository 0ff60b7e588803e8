using CreatorMeta.Hashtags.Domain;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Hashtags.Infrastructure;

/// <summary>
/// The projection's rows, each locked for its transaction (even before it exists), so events about the same post or asset
/// apply one at a time whichever queue they came on, and never across workspaces.
/// </summary>
public static class Facts
{
    public static async Task<TaggedPost> LockPostAsync(this HashtagsDb db, Guid publicationId, string workspaceId, Guid assetId, string platform,
        string account, CancellationToken cancellationToken)
    {
        await db.LockUntilCommitAsync($"tagged-post:{publicationId}", cancellationToken);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.PublicationId == publicationId, cancellationToken);
        if (post is null)
            db.Posts.Add(post = TaggedPost.For(publicationId, workspaceId, assetId, platform, account));
        else if (post.WorkspaceId != workspaceId)
            throw new UnprocessableMessageException($"Publication {publicationId} belongs to another workspace.");
        return post;
    }

    public static async Task<PostAsset> LockAssetAsync(this HashtagsDb db, Guid assetId, string workspaceId, CancellationToken cancellationToken)
    {
        await db.LockUntilCommitAsync($"post-asset:{assetId}", cancellationToken);
        var asset = await db.Assets.SingleOrDefaultAsync(a => a.AssetId == assetId, cancellationToken);
        if (asset is null)
            db.Assets.Add(asset = PostAsset.For(assetId, workspaceId));
        else if (asset.WorkspaceId != workspaceId)
            throw new UnprocessableMessageException($"Asset {assetId} belongs to another workspace.");
        return asset;
    }

    public static async Task<PostScore> LockScoreAsync(this HashtagsDb db, string workspaceId, string platform, string externalPostId,
        CancellationToken cancellationToken)
    {
        await db.LockUntilCommitAsync($"post-score:{workspaceId}\n{platform}\n{externalPostId}", cancellationToken);
        var score = await db.Scores.SingleOrDefaultAsync(
            s => s.WorkspaceId == workspaceId && s.Platform == platform && s.ExternalPostId == externalPostId, cancellationToken);
        if (score is null)
            db.Scores.Add(score = PostScore.For(workspaceId, platform, externalPostId));
        return score;
    }
}
