namespace CreatorMeta.Tracking.Importing;

public enum ImportJobStatus { Queued, Running, Done }

/// <summary>
/// A bulk import accepted to run in the background: its rows, and the result of each row as it is imported. Rows are
/// imported in order, so the results so far are the rows done so far.
/// </summary>
public sealed class ImportJob
{
    private ImportJob() { }

    public Guid Id { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public ImportJobStatus Status { get; private set; }
    public List<ImportRow> Rows { get; private set; } = [];
    public List<ImportResult> Results { get; private set; } = [];
    public int Total { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    public static ImportJob Accept(string workspaceId, IReadOnlyList<ImportRow> rows, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = workspaceId,
        Status = ImportJobStatus.Queued,
        Rows = [.. rows],
        Total = rows.Count,
        CreatedAt = now,
    };

    /// <summary>Rows not imported yet, with their index in the request.</summary>
    public IEnumerable<(int Index, ImportRow Row)> Remaining => Rows.Select((row, index) => (index, row)).Skip(Results.Count);
}
