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

    /// <summary>Each item stands alone: valid ones are stored (once), invalid ones are reported by index.</summary>
    public static async Task<Results<Accepted<BatchResult>, ValidationProblem>> UploadObservations(
        ObservationBatch batch, WorkspaceId workspace, ObservationStore store, MappingStore mappings, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (batch.Observations is not { Count: > 0 and <= MaxBatch } items)
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["observations"] = [$"Send 1 to {MaxBatch} observations."] });
        var set = await mappings.ForIngestionAsync(workspace.Value, cancellationToken);
        var rejected = new Dictionary<int, IDictionary<string, string[]>>();
        var valid = new List<(int Index, Observation Observation)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                rejected[i] = new Dictionary<string, string[]> { ["observation"] = ["An observation is an object."] };
                continue;
            }
            var errors = Observation.Validate(item.Platform, item.Account, item.ExternalPostId, item.ObservedAt, item.Source,
                item.SourceEventId, item.Metrics, clock.GetUtcNow());
            var observation = errors.Count > 0 ? null : Observation.Create(workspace.Value, item.Platform!, item.Account!, item.ExternalPostId!,
                item.ObservedAt!.Value, item.Source!, item.SourceEventId!, item.Metrics!);
            if (observation is not null)
                errors = Observation.CountProblems(observation.Metrics, set, observation.Platform, observation.ObservedAt);
            if (errors.Count > 0)
                rejected[i] = errors;
            else
                valid.Add((i, observation!));
        }
        var outcomes = await store.StoreAsync(valid.Select(v => v.Observation).ToList(), cancellationToken);
        var results = new ItemResult[items.Count];
        foreach (var (index, errors) in rejected)
            results[index] = new ItemResult(index, "rejected", errors);
        for (var i = 0; i < valid.Count; i++)
            results[valid[i].Index] = ItemResults.From(valid[i].Index, outcomes[i]);
        return TypedResults.Accepted((string?)null, ItemResults.Summarize(results));
    }
}
