using CreatorMeta.Contracts.Connectors;
using CreatorMeta.ServiceDefaults.Messaging;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.Tracking.Importing;
using MassTransit;

namespace CreatorMeta.Tracking.Messaging;

/// <summary>Retrospective tracking from connectors: a post seen on a platform is imported like a row of a bulk import.</summary>
public sealed class PostObservedConsumer(PublicationImporter importer) : IConsumer<PostObserved>
{
    public async Task Consume(ConsumeContext<PostObserved> context)
    {
        var m = context.Message;
        if (!WorkspaceId.IsValid(m.WorkspaceId))
            throw new UnprocessableMessageException("workspaceId is required.");
        var result = await importer.ImportAsync(new WorkspaceId(m.WorkspaceId), 0, new ImportRow(m.Url, m.Platform, m.ExternalPostId,
            m.Account, m.PublishedAt == default ? null : m.PublishedAt, m.Caption, m.Hashtags, m.ContentHash, m.PerceptualHash, m.Title, m.Kind),
            context.CancellationToken);
        if (result.Errors is { } errors)
            throw new UnprocessableMessageException(string.Join(" ", errors.SelectMany(e => e.Value)));
    }
}
