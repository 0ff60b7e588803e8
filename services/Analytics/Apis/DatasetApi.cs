using System.Globalization;
using System.Text;
using CreatorMeta.Analytics.Domain;
using CreatorMeta.Analytics.Infrastructure;
using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using CreatorMeta.ServiceDefaults.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.Analytics.Apis;

public static class DatasetApi
{
    public static IEndpointRouteBuilder MapDatasetApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/analytics").WithTags("Analytics")
            .MapGet("/dataset.csv", GetDataset);
        return app;
    }

    /// <summary>The columns, in order; lists are joined with ';', the weekday is its English name, times are UTC ISO 8601.</summary>
    public static readonly string[] Columns =
    [
        "publication_id", "asset_id", "platform", "account", "published_at", "time_zone", "weekday", "hour", "kind", "format",
        "duration_seconds", "language", "caption_length", "hashtag_count", "topics", "visual_elements", "score", "engagement_rate",
    ];

    /// <summary>
    /// Every row the analysis of the same scope reads, as CSV, so anyone can run it again elsewhere: live publications
    /// with a baseline score, in publication order.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetDataset(WorkspaceId workspace, AnalyticsDb db,
        string? platform, string? account, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var (scope, errors) = Scope(workspace, platform, account, from, to);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var rows = await db.ReadAsync(scope!, cancellationToken);
        return TypedResults.File(Encoding.UTF8.GetBytes(Csv(rows)), "text/csv; charset=utf-8", "dataset.csv");
    }

    /// <summary>The scope a request asks for, or what is wrong with it.</summary>
    public static (AnalysisScope? Scope, Dictionary<string, string[]> Errors) Scope(WorkspaceId workspace, string? platform, string? account,
        DateTimeOffset? from, DateTimeOffset? to)
    {
        var errors = new Dictionary<string, string[]>();
        var knownPlatform = platform is null ? null : Platforms.Normalize(platform);
        if (platform is not null && knownPlatform is null)
            errors["platform"] = ["Platform " + Platforms.MustBeOneOf];
        var knownAccount = account is null ? null : AccountHandles.Normalize(account);
        if (account is not null && (knownAccount is null || !StorableText.IsStorable(knownAccount)))
            errors["account"] = ["account is an account handle, e.g. @jamal."];
        if (from > to)
            errors["from"] = ["from must not be after to."];
        return errors.Count > 0 ? (null, errors)
            : (new AnalysisScope(workspace.Value, knownPlatform, knownAccount, from?.ToUniversalTime(), to?.ToUniversalTime()), errors);
    }

    /// <summary>
    /// Plain RFC 4180 with numbers as they round-trip, for statistical tools: no spreadsheet formula guard, which would
    /// change the handles ("@jamal") and any text the analysis compares.
    /// </summary>
    public static string Csv(IReadOnlyList<AnalysisRow> rows)
    {
        var csv = new StringBuilder().AppendLine(CsvFields.Row(Columns));
        static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        foreach (var r in rows)
            csv.AppendLine(CsvFields.Row([
                r.PublicationId.ToString(), r.AssetId.ToString(), r.Platform, r.Account, r.PublishedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                r.TimeZone, r.Weekday.ToString(), r.Hour.ToString(CultureInfo.InvariantCulture), r.Kind, r.Format ?? "", Number(r.DurationSeconds),
                r.Language ?? "", r.CaptionLength.ToString(CultureInfo.InvariantCulture), r.HashtagCount.ToString(CultureInfo.InvariantCulture),
                string.Join(';', r.Topics), string.Join(';', r.VisualElements), Number(r.Score), Number(r.EngagementRate),
            ]));
        return csv.ToString();
    }
}
