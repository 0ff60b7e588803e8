using System.Text;
using CreatorMeta.Contracts;
using CreatorMeta.MetricsIngestion.Domain;
using CreatorMeta.MetricsIngestion.Domain.Normalization;
using CreatorMeta.MetricsIngestion.Infrastructure;
using CreatorMeta.ServiceDefaults.Problems;
using CreatorMeta.ServiceDefaults.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreatorMeta.MetricsIngestion.Apis;

/// <summary><c>POST /metrics/observations/csv</c>: a platform's own analytics export, read through the mapping rows.</summary>
public static class CsvUploadApi
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 20_000;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapCsvUploadApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/metrics/observations/csv", UploadCsv).WithTags("Metrics").Accepts<string>("text/csv");
        return app;
    }

    /// <summary>
    /// The file as a whole must be readable (UTF-8, a post id column, at least one known metric column) or nothing is
    /// stored; then each row stands alone and is answered by its line number. <c>observedAt</c> is when the export was
    /// taken (default now) unless the file has an "Observed At" column.
    /// </summary>
    public static async Task<Results<Accepted<BatchResult>, ValidationProblem, ProblemHttpResult>> UploadCsv(HttpRequest request,
        string? platform, string? account, DateTimeOffset? observedAt, string? source, WorkspaceId workspace, ObservationStore store,
        MappingStore mappings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = Observation.ValidateSource(platform, account, observedAt ?? now, source ?? "csv", now);
        if (errors.Count > 0)
            return ApiProblems.Validation(errors);
        var (text, problem) = await ReadTextAsync(request, cancellationToken);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(text))
            return Unreadable("The file is empty: send the export with its header row.");
        CsvTable table;
        try
        {
            table = CsvParser.Parse(text!);
        }
        catch (CsvHelper.CsvFormatException e)
        {
            return Unreadable($"The file is not CSV as exports write it: {e.Message}");
        }
        var (known, handle, at) = (Platforms.Normalize(platform)!, AccountHandles.Normalize(account)!, observedAt ?? now);
        var set = await mappings.ForWorkspaceAsync(workspace.Value, cancellationToken);
        var (layout, wrongColumns) = CsvExport.Layout(table.Header, set, known, at);
        if (layout is null || table.Rows.Count is 0 or > MaxRows)
            return ApiProblems.Validation(new Dictionary<string, string[]>
            {
                ["csv"] = [wrongColumns ?? $"Send a header and 1 to {MaxRows} rows."],
            });
        var results = new List<ItemResult>(table.Rows.Count);
        var rows = new List<(int Line, Observation Observation)>();
        foreach (var (line, cells) in table.Rows)
        {
            var (row, rowProblem) = CsvExport.Read(layout, table.Header, cells, set, known, handle, at);
            var rowErrors = row is null
                ? new Dictionary<string, string[]> { ["row"] = [rowProblem!] }
                : Observation.Validate(known, handle, row.PostId, row.ObservedAt, source ?? "csv", row.SourceEventId, row.Metrics, now);
            if (rowErrors.Count > 0)
                results.Add(new ItemResult(line, "rejected", rowErrors));
            else
                rows.Add((line, Observation.Create(workspace.Value, known, handle, row!.PostId, row.ObservedAt, source ?? "csv", row.SourceEventId, row.Metrics)));
        }
        foreach (var chunk in rows.Chunk(ObservationsApi.MaxBatch))
        {
            var outcomes = await store.StoreAsync([.. chunk.Select(r => r.Observation)], cancellationToken);
            results.AddRange(chunk.Select((r, i) => ItemResults.From(r.Line, outcomes[i])));
        }
        return TypedResults.Accepted((string?)null, ItemResults.Summarize([.. results.OrderBy(r => r.Index)]));
    }

    private static async Task<(string? Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, type: ApiProblems.TypeBase + "too-large",
                    title: "The file is too large", detail: $"Send at most {MaxBytes / 1024 / 1024} MB per upload; split a larger export."));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return StorableText.IsStorable(text) ? (text, null)
                : (null, Unreadable("The file holds a NUL character, which no export contains."));
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Max(0, e.Index);
            var line = 1 + bytes.Take(Math.Min(at, bytes.Length)).Count(b => b == (byte)'\n');
            return (null, Unreadable($"The file is not UTF-8: byte 0x{(at < bytes.Length ? bytes[at] : 0):X2} on line {line} is not. "
                + "Export or save it as UTF-8 (Windows-1252 spreadsheets write 0xA0 for a non-breaking space)."));
        }
    }

    private static ProblemHttpResult Unreadable(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        type: ApiProblems.TypeBase + "unreadable-file", title: "The file cannot be read", detail: detail);
}
