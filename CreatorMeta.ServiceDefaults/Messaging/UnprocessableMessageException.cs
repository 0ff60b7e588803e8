namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Thrown by a consumer for a message that no retry can fix (malformed, invalid): it skips the retries and goes
/// straight to the queue's _error queue, where it is kept for inspection, not lost.
/// </summary>
public class UnprocessableMessageException(string message) : Exception(message);
