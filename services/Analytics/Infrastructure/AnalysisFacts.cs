using CreatorMeta.Analytics.Domain;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Infrastructure;

/// <summary>
/// The asset and metric facts an event updates, tracked, and new ones if nothing about them came before. Events about the
/// same asset or post wait here for each other's transactions (a lock taken even before the row exists), so they apply
/// one at a time whichever queue they came on.
/// </summary>
public static class AnalysisFacts
{
    public static async Task<AssetFact> LockAssetAsync(this AnalyticsDb db, Guid assetId, string workspaceId, CancellationToken cancellationToken)
    {
        await db.LockUntilCommitAsync($"asset-fact:{assetId}", cancellationToken);
        var fact = await db.Assets.SingleOrDefaultAsync(a => a.AssetId == assetId, cancellationToken);
        if (fact is null)
            db.Assets.Add(fact = AssetFact.For(assetId, workspaceId));
        else if (fact.WorkspaceId != workspaceId)
            throw new UnprocessableMessageException($"Asset {assetId} belongs to another workspace.");
        return fact;
    }

    public static async Task<MetricFact> LockMetricAsync(this AnalyticsDb db, string workspaceId, string platform, string externalPostId,
        CancellationToken cancellationToken)
    {
        await db.LockUntilCommitAsync($"metric-fact:{workspaceId}\n{platform}\n{externalPostId}", cancellationToken);
        var fact = await db.Metrics.SingleOrDefaultAsync(
            m => m.WorkspaceId == workspaceId && m.Platform == platform && m.ExternalPostId == externalPostId, cancellationToken);
        if (fact is null)
            db.Metrics.Add(fact = MetricFact.For(workspaceId, platform, externalPostId));
        return fact;
    }
}
