using CreatorMeta.Analytics.Domain;
using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CreatorMeta.Analytics.Infrastructure;

public static class PublicationFacts
{
    /// <summary>
    /// The fact for a publication, tracked, and a new one if no event about it came before. Every event about the same
    /// publication waits here for the others' transactions (a lock taken even before the row exists), so they apply one
    /// at a time, whichever queue they came on.
    /// </summary>
    public static async Task<PublicationFact> LockFactAsync(this AnalyticsDb db, Guid publicationId, string workspaceId, Guid assetId,
        string platform, string account, CancellationToken cancellationToken)
    {
        await db.LockUntilCommitAsync($"publication-fact:{publicationId}", cancellationToken);
        var fact = await db.Publications.SingleOrDefaultAsync(p => p.PublicationId == publicationId, cancellationToken);
        if (fact is null)
        {
            // Events queued before handles had one spelling carry them as typed.
            fact = PublicationFact.For(publicationId, workspaceId, assetId, MessageFields.Required(Platforms.Normalize(platform), "platform", platform),
                MessageFields.Required(AccountHandles.Normalize(account), "account", account));
            db.Publications.Add(fact);
        }
        else if (fact.WorkspaceId != workspaceId)
            throw new UnprocessableMessageException($"Publication {publicationId} belongs to another workspace.");
        return fact;
    }
}
