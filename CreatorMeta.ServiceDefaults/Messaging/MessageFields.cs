namespace CreatorMeta.ServiceDefaults.Messaging;

public static class MessageFields
{
    /// <summary>
    /// A field of a message in its one spelling (the result of its Contracts normalizer), or the message is unprocessable:
    /// a spelling no normalizer accepts is never stored as sent, where it would stand beside the one spelling as a second.
    /// </summary>
    public static string Required(string? normalized, string field, string? sent) =>
        normalized ?? throw new UnprocessableMessageException($"The {field} \"{sent}\" is not one CreatorMeta can take.");
}
