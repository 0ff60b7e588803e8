namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>Wakes this instance's resolution worker as soon as readings are stored, instead of at its next poll.</summary>
public sealed class ResolutionSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
            try { _wake.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
