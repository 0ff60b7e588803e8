using CreatorMeta.Contracts;
using CreatorMeta.Contracts.Connectors;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Messaging;

/// <summary>A connector found a post gone: its publication becomes a tombstone. Removing twice changes nothing.</summary>
public sealed class PostRemovedConsumer(TrackingDb db, TimeProvider clock, ILogger<PostRemovedConsumer> logger) : IConsumer<PostRemoved>
{
    public async Task Consume(ConsumeContext<PostRemoved> context)
    {
        var m = context.Message;
        if (!WorkspaceId.IsValid(m.WorkspaceId) || Platforms.Normalize(m.Platform) is not { } platform || string.IsNullOrWhiteSpace(m.ExternalPostId))
            throw new UnprocessableMessageException("workspaceId, a known platform and externalPostId are required.");
        var externalPostId = m.ExternalPostId.Trim(); // as PostUrls.Identify reads it on the way in
        var publicationId = await db.Publications
            .Where(p => p.WorkspaceId == m.WorkspaceId && p.Platform == platform && p.ExternalPostId == externalPostId)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        var found = publicationId is { } id ? await db.LockPublicationAsync(new WorkspaceId(m.WorkspaceId), id, context.CancellationToken) : null;
        if (found is not (var asset, var publication))
        {
            logger.LogInformation("Removal of unknown {Platform} post {ExternalPostId} ignored", platform, m.ExternalPostId);
            return;
        }
        var now = clock.GetUtcNow();
        if (asset.RemovePublication(publication, m.RemovedAt == default ? now : m.RemovedAt, m.Reason))
        {
            db.PublicationRemoved(publication, now);
            await db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }
    }
}
