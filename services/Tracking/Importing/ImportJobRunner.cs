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
    private const int RowsPerCheckpoint = 50;
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
        foreach (var chunk in job.Remaining.Chunk(RowsPerCheckpoint))
        {
            var results = new List<ImportResult>(chunk.Length);
            foreach (var (index, row) in chunk)
                results.Add(await importer.ImportAsync(new WorkspaceId(job.WorkspaceId), index, row, stoppingToken));
            // The importer clears the context for each row, so the job is attached afresh to keep its checkpoint.
            db.ChangeTracker.Clear();
            db.ImportJobs.Attach(job);
            job.Record(results, clock.GetUtcNow());
            await db.Database.ExecuteSqlAsync($"UPDATE import_jobs SET claimed_until = now() + {Lease} WHERE id = {id}", stoppingToken);
            await db.SaveChangesAsync(stoppingToken);
        }
        return true;
    }
}
