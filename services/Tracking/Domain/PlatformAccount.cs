namespace CreatorMeta.Tracking.Domain;

/// <summary>One of a workspace's accounts on a platform; a workspace may have several per platform.</summary>
public sealed class PlatformAccount
{
    private PlatformAccount() { }

    public Guid Id { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public string Platform { get; private set; } = "";
    public string Handle { get; private set; } = "";
    public string? ExternalId { get; private set; }
    /// <summary>IANA zone the account posts in: local publication times and calendar slots are read in it.</summary>
    public string TimeZone { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static PlatformAccount Register(string workspaceId, string platform, string handle, string? externalId, string timeZone, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        WorkspaceId = workspaceId,
        Platform = platform,
        Handle = handle,
        ExternalId = externalId,
        TimeZone = timeZone,
        CreatedAt = now,
    };
}
