namespace CreatorMeta.ServiceDefaults.Caching;

/// <summary>One consistent in-memory copy of what a service analyses for a workspace, as <see cref="WorkspaceCache{TCopy}"/> keeps it.</summary>
public interface IWorkspaceCopy
{
    /// <summary>How much the copy holds (posts, rows), counted against the cache's cap.</summary>
    int Size { get; }

    /// <summary>What has been worked out on this copy (tables, analyses) that the copy read after a change should have ready too.</summary>
    IReadOnlyCollection<object> Prepared { get; }

    /// <summary>Works out on this copy one thing another copy of the same workspace had <see cref="Prepared"/>.</summary>
    void Prepare(object what);
}
