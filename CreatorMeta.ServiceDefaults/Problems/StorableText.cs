using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CreatorMeta.ServiceDefaults.Problems;

/// <summary>
/// Refuses text that PostgreSQL cannot store — NUL characters and unpaired UTF-16 surrogates — where it enters: every
/// string of a JSON body passes <see cref="JsonConverter"/>, every path and query string <see cref="UseStorableRequestText"/>. So
/// such input is a 400 that changes nothing, never a database error deep inside a handler.
/// </summary>
public static class StorableText
{
    public const string Problem = "Text may not contain NUL characters or unpaired surrogates.";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0')
                return false;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return false;
        }
        return true;
    }

    /// <summary>Reads JSON strings (values and property names) as usual, refusing unstorable ones.</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string? Checked(string? text) => text is null || IsStorable(text) ? text : throw new JsonException(Problem);
    }

    /// <summary>
    /// Refuses unstorable text in the path or query (400), and bodies in a character set other than UTF-8 (415), which
    /// the JSON reader would otherwise fail on deep inside model binding.
    /// </summary>
    public static IApplicationBuilder UseStorableRequestText(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset.HasValue && !type.Charset.Value!.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported character set",
                detail: "Request bodies are UTF-8.").ExecuteAsync(context);
            return;
        }
        var refused = !IsStorable(context.Request.Path.Value) ? "The path"
            : context.Request.Query.FirstOrDefault(q => !IsStorable(q.Key) || q.Value.Any(v => !IsStorable(v))).Key is { } key ? $"Query parameter '{key}'"
            : null;
        if (refused is not null)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request", detail: $"{refused}: {Problem}")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
