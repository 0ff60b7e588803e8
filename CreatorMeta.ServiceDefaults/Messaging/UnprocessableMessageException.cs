namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Thrown by a consumer for a message that no retry can fix (malformed, invalid): it skips the retries and goes
/// straight to the queue's _error queue, where it is kept for inspection, not lost.
/// </summary>
public class UnprocessableMessageException(string message) : Exception(message);

public static class MessageFields
{
    /// <summary>
    /// A field of a message in its one spelling (the result of its Contracts normalizer), or the message is unprocessable:
    /// a spelling no normalizer accepts is never stored as sent, where it would stand beside the one spelling as a second.
    /// </summary>
    public static string Required(string? normalized, string field, string? sent) =>
        normalized ?? throw new UnprocessableMessageException($"The {field} \"{sent}\" is not one CreatorMeta can take.");
}
