using System.Globalization;
using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Domain.Resolution;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.MetricsIngestion.Apis;

/// <summary>What the numbers mean: canonical metrics and formulas, each platform field's mapping rows, and resolution settings.</summary>
public static class MappingsApi
{
    private const int DefaultLimit = 200;
    private const int MaxLimit = 500;
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEndpointRouteBuilder MapMappingsApi(this IEndpointRouteBuilder app)
    {
        var metrics = app.MapGroup("/api/v1/metrics").WithTags("Metrics");
        metrics.MapGet("/definitions", GetDefinitions);
        metrics.MapGet("/mappings", ListMappings);
        metrics.MapPost("/mappings", AddMapping);
        metrics.MapGet("/settings", GetSettings);
        metrics.MapPut("/settings", PutSettings);
        return app;
    }

    public static Ok<Definitions> GetDefinitions() => TypedResults.Ok(new Definitions(
        CanonicalMetrics.All,
        DerivedMetrics.Definitions,
        [.. PostAges.Standard.Select(a => new AgeDefinition(a.Name, a.Age.TotalHours))],
        [
            new("score.percentile", "share of baseline posts with less engagement (ties count half)",
                "The post against the creator's other posts on the same platform, account and format, at the oldest standard age it has a fair value for."),
            new("score.robustZ", "(engagement - median) / (1.4826 × MAD)", "Distance from the baseline's median in robust standard deviations."),
        ],
        [
            new("ratioOfSums", "Σ numerator / Σ denominator", "Weighs each post by its audience: what the group earned overall."),
            new("meanOfRatios", "mean of each post's rate", "Weighs each post the same: how a typical post did."),
        ],
        ResolutionSettings.Sources));

    public static async Task<Results<Ok<MappingPage>, ValidationProblem>> ListMappings(WorkspaceId workspace, MappingStore store,
        string? platform, string? rawName, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var normalizedPlatform = platform is null ? null : Platforms.Normalize(platform);
        if (platform is not null && normalizedPlatform is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        if (limit is < 1 or > MaxLimit)
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        if (rawName is not null && (rawName.Length > 200 || !StorableText.IsStorable(rawName)))
            errors["rawName"] = ["rawName is a field's name, up to 200 characters."];
        long after = 0;
        if (cursor is not null && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
            errors["cursor"] = ["The cursor is not one this API issued."];
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var take = limit ?? DefaultLimit;
        var rows = await store.ListAsync(workspace.Value, normalizedPlatform, rawName, after, take, cancellationToken);
        return TypedResults.Ok(new MappingPage([.. rows.Select(MappingResponse.From)],
            rows.Count == take ? rows[^1].Id.ToString(CultureInfo.InvariantCulture) : null));
    }

    /// <summary>
    /// A workspace's own row for a platform field. It changes how every reading observed in its span resolves, stored ones
    /// included, with no deploy; a row starting after the field's open row succeeds it, any other overlap is refused.
    /// </summary>
    public static async Task<Results<Created<MappingResponse>, ValidationProblem, ProblemHttpResult>> AddMapping(MappingRequest request,
        WorkspaceId workspace, MappingStore store, CancellationToken cancellationToken)
    {
        var errors = Validate(request, out var row);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var (added, overlapping) = await store.AddAsync(row! with { WorkspaceId = workspace.Value }, cancellationToken);
        if (overlapping is not null)
            return ApiProblems.Conflict("mapping-overlap", "The mapping overlaps another",
                $"Your row {overlapping.Id} maps {overlapping.Platform} '{overlapping.RawName}' from {overlapping.EffectiveFrom:O}"
                + (overlapping.EffectiveTo is { } to ? $" to {to:O}" : "") + "; one field has one meaning at a time.",
                new Dictionary<string, object?> { ["overlapping"] = MappingResponse.From(overlapping) });
        return TypedResults.Created($"/api/v1/metrics/mappings?platform={added!.Platform}&rawName={Uri.EscapeDataString(added.RawName)}",
            MappingResponse.From(added));
    }

    public static async Task<Ok<SettingsResponse>> GetSettings(WorkspaceId workspace, SettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(SettingsResponse.From(await store.GetAsync(workspace.Value, cancellationToken)));

    /// <summary>Fields left out keep their current values; every post is resolved again under the new settings.</summary>
    public static async Task<Results<Ok<SettingsResponse>, ValidationProblem>> PutSettings(SettingsRequest request, WorkspaceId workspace,
        SettingsStore store, CancellationToken cancellationToken)
    {
        var errors = ResolutionSettings.Validate(request.SourcePrecedence, request.ConflictMargin, request.MinBaselinePosts);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var current = await store.GetAsync(workspace.Value, cancellationToken);
        var settings = new ResolutionSettings(request.SourcePrecedence?.Select(s => s!).ToList() ?? current.SourcePrecedence,
            request.ConflictMargin ?? current.ConflictMargin, request.MinBaselinePosts ?? current.MinBaselinePosts);
        await store.SaveAsync(workspace.Value, settings, cancellationToken);
        return TypedResults.Ok(SettingsResponse.From(settings));
    }

    private static Dictionary<string, string[]> Validate(MappingRequest request, out MetricMapping? row)
    {
        row = null;
        var errors = new Dictionary<string, string[]>();
        var platform = Platforms.Normalize(request.Platform);
        if (platform is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        if (string.IsNullOrWhiteSpace(request.RawName) || request.RawName.Length > 200 || !StorableText.IsStorable(request.RawName))
            errors["rawName"] = ["rawName is the field's name as the platform or its connector sends it, 1 to 200 characters."];
        if (!CanonicalMetrics.IsKnown(request.Canonical))
            errors["canonical"] = [$"canonical must be one of: {string.Join(", ", CanonicalMetrics.All.Select(m => m.Name))}."];
        var scope = request.Scope is null ? MetricScope.Lifetime : MetricScopes.Parse(request.Scope);
        if (scope is null)
            errors["scope"] = ["scope " + MetricScopes.MustBeOneOf];
        if (request.Multiplier is { } m && (!double.IsFinite(m) || m < 1e-6 || m > 1e6))
            errors["multiplier"] = ["multiplier is a number from 0.000001 to 1000000 (60 turns minutes into seconds)."];
        MappingCombine? combine = request.Combine?.Trim().ToLowerInvariant() switch
        {
            null or "max" => MappingCombine.Max,
            "sum" => MappingCombine.Sum,
            _ => null,
        };
        if (combine is null)
            errors["combine"] = ["combine is 'max' (another name for the same total) or 'sum' (a part of the total)."];
        var from = request.EffectiveFrom ?? Earliest;
        if (from < Earliest || from >= Latest || request.EffectiveTo is { } to && (to <= from || to > Latest))
            errors["effectiveFrom"] = ["effectiveFrom and effectiveTo lie between 2000 and 2100, effectiveTo after effectiveFrom."];
        if (request.Api is { Length: > 100 } || request.Note is { Length: > 1000 }
            || !StorableText.IsStorable(request.Api ?? "") || !StorableText.IsStorable(request.Note ?? ""))
            errors["note"] = ["api has at most 100 characters and note at most 1000."];
        if (errors.Count == 0)
            row = new MetricMapping(0, null, platform!, string.IsNullOrWhiteSpace(request.Api) ? "custom" : request.Api.Trim(), request.RawName!.Trim(),
                request.Canonical!, scope!.Value, request.Multiplier ?? 1, combine!.Value, from, request.EffectiveTo, request.Note);
        return errors;
    }
}
