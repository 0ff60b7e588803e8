using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Degraded while outbox messages are parked: the service works, but some of its events wait for an operator to
/// re-drive them (<see cref="OutboxAdministrationApi"/>).
/// </summary>
public sealed class ParkedOutboxHealthCheck<TDb>(TDb db) : IHealthCheck where TDb : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var parked = await db.Set<OutboxMessage>().CountAsync(m => m.ParkedAt != null, cancellationToken);
            return parked == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded($"{parked} outbox messages parked; see /admin/outbox/parked");
        }
        catch (Exception e)
        {
            // The database check reports the outage; this one only says it could not look, naming no internals.
            return HealthCheckResult.Degraded("Parked outbox messages could not be counted.", e);
        }
    }
}
