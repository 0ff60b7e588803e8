namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>Wakes this instance's resolution loops as soon as readings are stored, instead of at their next poll.</summary>
public sealed class ResolutionSignal
{
    private readonly SemaphoreSlim _wake = new(0, ResolutionWorker.Loops);

    public void Wake()
    {
        var asleep = ResolutionWorker.Loops - _wake.CurrentCount;
        if (asleep > 0)
            try { _wake.Release(asleep); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
