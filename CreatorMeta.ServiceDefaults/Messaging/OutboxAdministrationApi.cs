using CreatorMeta.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorMeta.ServiceDefaults.Messaging;

/// <summary>
/// Parked outbox messages for an operator: see them, and re-drive one once its cause is fixed (its type deployed again,
/// say). Returns the route group so the caller can put authorization on it.
/// </summary>
public static class OutboxAdministrationApi
{
    private const int MaxListed = 500;

    public static RouteGroupBuilder MapOutboxAdministration<TDb>(this IEndpointRouteBuilder app) where TDb : DbContext
    {
        // The service's own DbContext is resolved per request: the route analyzer cannot follow a handler parameter of a
        // generic type.
        var outbox = app.MapGroup("/admin/outbox").WithTags("Outbox administration").ExcludeFromDescription();
        outbox.MapGet("/parked", (HttpContext http, CancellationToken cancellationToken) =>
            ListParked(http.RequestServices.GetRequiredService<TDb>(), cancellationToken));
        outbox.MapPost("/parked/{id:guid}/redrive", (Guid id, HttpContext http, TimeProvider clock, CancellationToken cancellationToken) =>
            Redrive(id, http.RequestServices.GetRequiredService<TDb>(), clock, cancellationToken));
        return outbox;
    }

    public sealed record ParkedMessage(Guid Id, string MessageType, DateTimeOffset OccurredAt, int Attempts, string? LastError,
        DateTimeOffset ParkedAt);

    /// <summary>The newest parked messages (at most 500) and how many are parked in all.</summary>
    public sealed record ParkedOutbox(int Total, IReadOnlyList<ParkedMessage> Messages);

    public static async Task<Ok<ParkedOutbox>> ListParked(DbContext db, CancellationToken cancellationToken)
    {
        var parked = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ParkedAt != null);
        var total = await parked.CountAsync(cancellationToken);
        var messages = await parked.OrderByDescending(m => m.ParkedAt).ThenByDescending(m => m.OccurredAt).Take(MaxListed)
            .Select(m => new ParkedMessage(m.Id, m.MessageType, m.OccurredAt, m.Attempts, m.LastError, m.ParkedAt!.Value))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ParkedOutbox(total, messages));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Redrive(Guid id, DbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().FirstOrDefaultAsync(m => m.Id == id && m.ParkedAt != null, cancellationToken);
        if (message is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ApiProblems.TypeBase + "not-found",
                title: "Parked outbox message not found", detail: $"No outbox message '{id}' is parked.");
        message.Redrive(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
