using System.Text.Json;
using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Domain;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.MetricsIngestion.Apis;

public static class ObservationsApi
{
    public const int MaxBatch = 1000;

    public static IEndpointRouteBuilder MapObservationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/metrics").WithTags("Metrics")
            .MapPost("/observations", UploadObservations);
        return app;
    }

    public sealed record ObservationItem(string? Platform, string? Account, string? ExternalPostId, DateTimeOffset? ObservedAt,
        string? Source, string? SourceEventId, Dictionary<string, JsonElement>? Metrics);

    public sealed record ObservationBatch(IReadOnlyList<ObservationItem>? Observations);

    public sealed record ItemResult(int Index, string Status, IDictionary<string, string[]>? Errors = null);

    public sealed record BatchResult(int Stored, int Duplicates, int Rejected, IReadOnlyList<ItemResult> Results);

    /// <summary>Each item stands alone: valid ones are stored (once), invalid ones are reported by index.</summary>
    public static async Task<Results<Accepted<BatchResult>, ValidationProblem>> UploadObservations(
        ObservationBatch batch, WorkspaceId workspace, ObservationStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (batch.Observations is not { Count: > 0 and <= MaxBatch } items)
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["observations"] = [$"Send 1 to {MaxBatch} observations."] });
        var results = new List<ItemResult>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                results.Add(new ItemResult(i, "rejected", new Dictionary<string, string[]> { ["observation"] = ["An observation is an object."] }));
                continue;
            }
            var errors = Observation.Validate(item.Platform, item.Account, item.ExternalPostId, item.ObservedAt, item.Source,
                item.SourceEventId, item.Metrics, clock.GetUtcNow());
            if (errors.Count > 0)
            {
                results.Add(new ItemResult(i, "rejected", errors));
                continue;
            }
            var stored = await store.StoreAsync(new Observation(workspace.Value, Platforms.Normalize(item.Platform)!, AccountHandles.Normalize(item.Account)!,
                item.ExternalPostId!.Trim(), item.ObservedAt!.Value, item.Source!, item.SourceEventId!, item.Metrics!), cancellationToken);
            results.Add(new ItemResult(i, stored ? "stored" : "duplicate"));
        }
        return TypedResults.Accepted((string?)null, new BatchResult(
            results.Count(r => r.Status == "stored"), results.Count(r => r.Status == "duplicate"), results.Count(r => r.Status == "rejected"), results));
    }
}
