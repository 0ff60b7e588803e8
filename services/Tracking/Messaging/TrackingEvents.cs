using CreatorMeta.Contracts.Tracking;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.Tracking.Domain;
using CreatorMeta.Tracking.Infrastructure;

namespace CreatorMeta.Tracking.Messaging;

/// <summary>Stages tracking's integration events in the outbox, to commit with the change that caused them.</summary>
public static class TrackingEvents
{
    public static void AssetRegistered(this TrackingDb db, Asset asset, DateTimeOffset now) =>
        Stage(db, now, id => new AssetRegistered(id, asset.WorkspaceId, now, asset.Id, asset.Title, Name(asset.Kind),
            asset.ContentHash, asset.Topics, asset.VisualElements, asset.Format, asset.DurationSeconds, asset.Language, asset.Attributes));

    public static void AssetUpdated(this TrackingDb db, Asset asset, IReadOnlyList<string> changed, DateTimeOffset now) =>
        Stage(db, now, id => new AssetUpdated(id, asset.WorkspaceId, now, asset.Id, changed, Name(asset.Status),
            asset.Title, Name(asset.Kind), asset.ContentHash, asset.Topics, asset.VisualElements, asset.Format, asset.DurationSeconds,
            asset.Language, asset.Attributes));

    public static void PublicationRecorded(this TrackingDb db, Publication p, DateTimeOffset now) =>
        Stage(db, now, id => new PublicationRecorded(id, p.WorkspaceId, now, p.Id, p.AssetId, p.Platform, p.Account,
            p.ExternalPostId, p.PostUrl, p.PublishedAt, Name(p.Source), p.Hashtags, p.RepurposeReason, p.Caption));

    public static void PublicationEdited(this TrackingDb db, Publication p, DateTimeOffset now) =>
        Stage(db, now, id => new PublicationEdited(id, p.WorkspaceId, now, p.Id, p.AssetId, p.Platform, p.Account,
            p.Version, p.Caption, p.Hashtags));

    public static void PublicationRemoved(this TrackingDb db, Publication p, DateTimeOffset now) =>
        Stage(db, now, id => new PublicationRemoved(id, p.WorkspaceId, now, p.Id, p.AssetId, p.Platform, p.Account,
            p.RemovedAt!.Value, p.RemovalReason));

    public static void AccountRegistered(this TrackingDb db, PlatformAccount account, DateTimeOffset now) =>
        Stage(db, now, id => new AccountRegistered(id, account.WorkspaceId, now, account.Id, account.Platform, account.Handle, account.TimeZone));

    private static void Stage<TEvent>(TrackingDb db, DateTimeOffset now, Func<Guid, TEvent> create) where TEvent : class
    {
        var eventId = Guid.CreateVersion7(now);
        db.PublishOnSave(eventId, now, create(eventId));
    }

    private static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
