using System.Text.Json;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Tracking.Importing;

/// <summary>
/// Runs accepted import jobs, one at a time per instance, oldest first. A job is leased while it runs, so another
/// instance never runs it too and a crashed one's job is taken up again once the lease lapses; rows already imported
/// are skipped, and importing is idempotent on the post anyway.
/// </summary>
public sealed class ImportJobRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobRunner> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var ran = false;
            try
            {
                ran = await RunNextAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Import job failed; it is taken up again when its lease lapses");
            }
            if (!ran)
                await Task.Delay(IdleDelay, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrackingDb>();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE import_jobs SET claimed_until = now() + {Lease}
            WHERE id = (SELECT id FROM import_jobs WHERE status <> 'done' AND (claimed_until IS NULL OR claimed_until < now())
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(stoppingToken);
        if (claimed is not [var id])
            return false;

        var importer = scope.ServiceProvider.GetRequiredService<PublicationImporter>();
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id, stoppingToken);
        try
        {
            foreach (var (index, row) in job.Remaining)
            {
                var result = await importer.ImportAsync(new WorkspaceId(job.WorkspaceId), index, row, stoppingToken);
                // Each row's result is kept as soon as its row is committed, so a crash costs at most that one row being
                // reported as "existing" when it is imported again; CancellationToken.None: it happened, it is recorded.
                var results = JsonSerializer.Serialize(new[] { result }, JsonSerializerOptions.Web);
                var status = index + 1 == job.Total ? "done" : "running";
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE import_jobs SET results = results || {results}::jsonb, status = {status}, claimed_until = now() + {Lease},
                        completed_at = CASE WHEN {status} = 'done' THEN now() END
                    WHERE id = {id}
                    """, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: hand the job back at once rather than let its lease run out.
            await db.Database.ExecuteSqlAsync($"UPDATE import_jobs SET claimed_until = NULL WHERE id = {id}", CancellationToken.None);
        }
        return true;
    }
}
