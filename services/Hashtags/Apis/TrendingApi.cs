using CreatorMeta.Hashtags.Domain.Trends;
using CreatorMeta.Hashtags.Infrastructure;
using CreatorMeta.ServiceDefaults.Caching;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace CreatorMeta.Hashtags.Apis;

public static class TrendingApi
{
    public static IEndpointRouteBuilder MapTrendingApi(this IEndpointRouteBuilder app)
    {
        var hashtags = app.MapGroup("/api/v1/hashtags").WithTags("Hashtags");
        hashtags.MapGet("/trending", GetTrending);
        hashtags.MapPost("/signals", PostSignals);
        return app;
    }

    public const string Method =
        "Your evidence: each post with a tag against the same account's posts without it within a window either side; the latest window " +
        "against the one before by Welch's test — rising or falling when the change's 95 % interval excludes zero and its Benjamini–Hochberg " +
        "q over all tags is 5 % or less. Rapid change: the split of a tag's history (5 posts or more each side) whose means differ most by " +
        "Welch's t, its p times the splits tried, flagged when the q of that over all tags is under 1 %.";

    public const string OutsideNote =
        "Outside signals are what trend-monitoring services report, on their own scales; they are not your evidence and are never mixed into it. " +
        "Each source's latest signal per tag in the 90 days before asOf, with the one before it.";

    public static async Task<Results<Ok<TrendingResponse>, ValidationProblem>> GetTrending([AsParameters] TrendingQuery query, WorkspaceId workspace,
        WorkspaceCache<TagEvidence> cache, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = query.Validate(out var platform);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var (at, days, limit) = ((query.AsOf ?? clock.GetUtcNow()).ToUniversalTime(), query.WindowDays ?? TrendingQuery.DefaultWindowDays,
            query.Limit ?? TrendingQuery.DefaultLimit);
        var evidence = await TagEvidence.CurrentAsync(cache, dataSource, workspace.Value, cancellationToken);
        var yours = evidence.Trends(platform, at, days).Take(limit).ToList();
        var outside = await dataSource.LatestAsync(workspace.Value, platform, at, limit, cancellationToken);
        return TypedResults.Ok(new TrendingResponse(platform, at, days, Method, yours, OutsideNote, outside));
    }

    public static async Task<Results<Ok<SignalsStored>, ValidationProblem>> PostSignals(SignalsRequest request, WorkspaceId workspace,
        NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request.Signals is not { Count: > 0 and <= SignalsRequest.MaxSignals })
            errors["signals"] = [$"signals is a list of 1 to {SignalsRequest.MaxSignals} signals."];
        var signals = new List<TrendSignal>();
        foreach (var (sent, i) in (request.Signals ?? []).Take(SignalsRequest.MaxSignals).Select((s, i) => (s, i)))
        {
            var (signal, wrong) = TrendSignal.From(sent?.Platform, sent?.Tag, sent?.Source, sent?.ObservedAt, sent?.Score, now, $"signals[{i}].");
            foreach (var (field, messages) in wrong)
                errors[field] = messages;
            if (signal is not null)
                signals.Add(signal);
        }
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        await dataSource.StoreAsync(workspace.Value, signals, now, cancellationToken);
        return TypedResults.Ok(new SignalsStored(signals.Count));
    }
}
