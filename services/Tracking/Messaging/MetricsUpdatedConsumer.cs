using CreatorMeta.Contracts.Metrics;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Messaging;

/// <summary>Keeps tracking's copy of each publication's latest numbers, for repurposing and for tombstones.</summary>
public sealed class MetricsUpdatedConsumer(TrackingDb db, ILogger<MetricsUpdatedConsumer> logger) : IConsumer<MetricsUpdated>
{
    public async Task Consume(ConsumeContext<MetricsUpdated> context)
    {
        var m = context.Message;
        var publicationId = await db.Publications
            .Where(p => p.WorkspaceId == m.WorkspaceId && (p.Id == m.PublicationId || (p.Platform == m.Platform && p.ExternalPostId == m.ExternalPostId)))
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(context.CancellationToken);
        if (publicationId is not { } id)
        {
            // metrics-ingestion sends the numbers again once the publication is recorded.
            logger.LogInformation("Metrics for unknown {Platform} post {ExternalPostId} skipped", m.Platform, m.ExternalPostId);
            return;
        }
        await db.ApplyOnceAsync(m.EventId.ToString(), nameof(MetricsUpdatedConsumer), async () =>
        {
            // Locked: two events for one post may be handled at once, and the one with the higher revision must win. Two
            // first events both insert; one fails on the key and is retried against the row the other wrote.
            var performance = (await db.Performance.FromSql($"SELECT * FROM publication_performance WHERE publication_id = {id} FOR UPDATE")
                .ToListAsync(context.CancellationToken)).SingleOrDefault();
            if (performance is null)
                db.Performance.Add(performance = PublicationPerformance.Start(id, m.WorkspaceId));
            performance.Update(m.Metrics, m.EngagementRate, m.Score, m.ObservedAt, m.Revision);
        }, context.CancellationToken);
    }
}
