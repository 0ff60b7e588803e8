using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace CreatorMeta.EndToEnd.Tests;

/// <summary>A request no route may accept: what is sent, and in words what is wrong with it.</summary>
public sealed record BadRequest(string Method, string Path, string? Body, string? ContentType, string? IdempotencyKey, string What)
{
    public override string ToString() => $"{What}: {Method} {Path} [{ContentType}] {Body?[..Math.Min(Body.Length, 300)]}";
}

/// <summary>
/// Generators of malformed requests for every public route. Each write carries at least one poison that makes it invalid
/// whatever else it holds — text the database cannot store, a value of the wrong JSON type, a null where a list needs
/// text, a broken or non-object body, nesting past any limit, a content type that is not JSON — beside random noise in
/// the other fields, so a refusal is always the right answer and nothing may change. Reads get garbage query strings
/// and ids.
/// </summary>
public static class BadRequests
{
    /// <summary>Text that has hurt APIs before, and random text in many scripts.</summary>
    private static readonly Gen<string> Words = Gen.OneOf(
        Gen.Elements("", " ", "null", "-1", "0", "99999999999999999999", "1e309", "NaN", "2026-13-45T99:99", "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-12:00", "9999-12-31T23:59", "../../etc/passwd", "'; DROP TABLE assets; --", "%00", "\u0000", "\ud800",
            "@", "#", "@@", "UC", "urn:li:", "{}", "[]", "Mars/Olympus", "youtube", "instagram", "photo", "approved", "@jamal",
            new string('a', 5000), new string('é', 300), "😀😀😀", "\u200B", "Bearer x", "00000000-0000-0000-0000-000000000000"),
        Gen.Choose(1, 40).SelectMany(length => Gen.ArrayOf(Gen.Elements(
            "aZ09 -_.:/@#%&+?=ễ漢字ضع๗नमস्ते\t\n😀’—“".ToCharArray()), length).Select(chars => new string(chars))));

    /// <summary>Writes as a valid request would look: the templates poisons and noise are applied to.</summary>
    public static IReadOnlyList<(string Method, string Path, JsonObject Body)> Writes(string assetId, string publicationId) =>
    [
        ("POST", "/api/v1/assets", Json("""{"title":"Pier","kind":"photo","description":"d","contentHash":"aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11aa11","perceptualHash":"00ff00ff00ff00ff","durationSeconds":12.5,"width":10,"height":10,"topics":["travel"],"visualElements":["sea"],"format":"reel","language":"en","attributes":{"k":"v"}}""")),
        ("PATCH", $"/api/v1/assets/{assetId}", Json("""{"title":"Pier","description":"d","topics":["travel"],"attributes":{"k":"v"},"status":"approved","reviewed":true,"width":10}""")),
        ("POST", $"/api/v1/assets/{assetId}/publications", Json("""{"platform":"youtube","account":"@jamal","externalPostId":"dQw4w9WgXcQ","postUrl":"https://youtu.be/dQw4w9WgXcQ","publishedAt":"2026-10-01T00:00:00Z","caption":"c","hashtags":["a"],"source":"manual","repurpose":{"reason":"r"}}""")),
        ("PATCH", $"/api/v1/publications/{publicationId}", Json("""{"caption":"c","hashtags":["a"],"editedAt":"2026-10-02T00:00:00Z"}""")),
        ("POST", $"/api/v1/publications/{publicationId}/removal", Json("""{"removedAt":"2026-10-03T00:00:00Z","reason":"r"}""")),
        ("POST", "/api/v1/publications/import", Json("""{"rows":[{"url":"https://youtu.be/9bZkp7q19f0","account":"@jamal","publishedAt":"2026-10-01T00:00:00Z","caption":"c","hashtags":["a"],"title":"t","kind":"video"}]}""")),
        ("POST", "/api/v1/accounts", Json("""{"platform":"instagram","handle":"@someone","externalId":"17841","timeZone":"Europe/Berlin"}""")),
        ("POST", "/api/v1/calendar/entries", Json($$"""{"assetId":"{{assetId}}","platform":"pinterest","account":"@jamal","localTime":"2027-05-01T10:00","timeZone":"Europe/Berlin"}""")),
        ("POST", "/api/v1/metrics/observations", Json("""{"observations":[{"platform":"tiktok","account":"@jamal","externalPostId":"7506832682593094928","observedAt":"2026-10-01T00:00:00Z","source":"api","sourceEventId":"e1","metrics":{"views":1,"likes":"1.2K"}}]}""")),
        ("POST", "/api/v1/metrics/mappings", Json("""{"platform":"x","api":"custom","rawName":"boosts","canonical":"shares","scope":"lifetime","multiplier":1,"combine":"sum","effectiveFrom":"2025-01-01T00:00:00Z","effectiveTo":"2026-01-01T00:00:00Z","note":"n"}""")),
        ("PUT", "/api/v1/metrics/settings", Json("""{"sourcePrecedence":["api","webhook","csv","scrape","manual"],"conflictMargin":0.2,"minBaselinePosts":5}""")),
        ("POST", "/admin/workspaces", Json("""{"id":"ws-from-generated-input","name":"n"}""")),
        ("POST", "/api/v1/hashtags/extract", Json("""{"text":"Sunset #travel","platform":"instagram"}""")),
        ("PUT", "/api/v1/hashtags/taxonomy", Json("""{"tags":[{"tag":"throwback","aliases":["tbt"],"category":"c","platformVariants":{"instagram":"tbt"}}],"alwaysInclude":{"instagram":["jamal"]},"banned":[{"tag":"spam","reason":"r"}]}""")),
        ("POST", "/api/v1/hashtags/taxonomy/tags", Json("""{"tag":"sunset","aliases":["goldenhour"],"category":"c","platformVariants":{"tiktok":"sunsets"}}""")),
        ("POST", "/api/v1/hashtags/signals", Json("""{"signals":[{"platform":"tiktok","tag":"sunset","score":1,"observedAt":"2026-10-01T00:00:00Z","source":"radar"}]}""")),
        ("POST", "/api/v1/hashtags/recommendations", Json("""{"caption":"c","topics":["travel"],"platform":"instagram","count":3}""")),
    ];

    /// <summary>Reads, with ids and query strings to fill with garbage.</summary>
    public static IReadOnlyList<(string Method, string Path, string[] Query)> Reads(string assetId, string publicationId) =>
    [
        ("GET", "/api/v1/assets", ["q", "platform", "account", "topic", "visualElement", "format", "kind", "hashtag", "status", "publishedFrom", "publishedTo", "notPublishedOn", "limit", "cursor"]),
        ("GET", "/api/v1/assets/export.csv", ["q", "platform", "publishedFrom", "limit", "cursor"]),
        ("GET", "/api/v1/assets/export.json", ["q", "account", "publishedTo", "status"]),
        ("GET", "/api/v1/assets/{id}", []),
        ("GET", "/api/v1/assets/{id}/history", []),
        ("GET", "/api/v1/publications/{id}", []),
        ("GET", "/api/v1/publications/imports/{id}", []),
        ("GET", "/api/v1/accounts", ["platform"]),
        ("GET", "/api/v1/accounts/{id}", []),
        ("GET", "/api/v1/repurposing/opportunities", ["targetPlatform", "minScore", "limit"]),
        ("GET", "/api/v1/calendar", ["from", "to", "platform"]),
        ("GET", "/api/v1/calendar/entries/{id}", []),
        ("DELETE", "/api/v1/calendar/entries/{id}", []),
        ("GET", "/api/v1/analytics/platforms", []),
        ("GET", "/api/v1/analytics/dataset.csv", ["platform", "account", "from", "to", "metric"]),
        ("GET", "/api/v1/analytics/trends", ["platform", "account", "from", "to", "metric", "minPosts"]),
        ("GET", "/api/v1/analytics/best-times", ["platform", "account", "from", "to"]),
        ("GET", "/api/v1/analytics/top", ["platform", "account", "from", "to", "metric", "limit"]),
        ("GET", "/api/v1/analytics/report", ["platform", "account", "from", "to", "metric"]),
        ("GET", "/api/v1/analytics/report.html", ["platform", "account", "from", "to", "metric"]),
        ("GET", "/api/v1/hashtags/taxonomy", ["unexpected"]),
        ("GET", "/api/v1/hashtags/performance", ["platform", "account", "from", "to", "metric", "minUses", "halfLifeDays", "limit", "offset"]),
        ("GET", "/api/v1/hashtags/dataset.csv", ["platform", "account", "from", "to", "metric", "minUses", "halfLifeDays"]),
        ("GET", "/api/v1/hashtags/trending", ["platform", "windowDays", "asOf", "limit"]),
        ("GET", "/api/v1/metrics/definitions", ["unexpected"]),
        ("GET", "/api/v1/metrics/mappings", ["platform", "rawName", "limit", "cursor"]),
        ("GET", "/api/v1/metrics/settings", []),
        ("GET", "/api/v1/metrics/posts/tiktok/{id}", ["include"]),
        ("GET", "/api/v1/metrics/posts/{id}/7506832682593094928", ["include"]),
        ("GET", "/api/v1/publications/{id}/metrics", ["include"]),
        ("GET", "/api/v1/assets/{id}/performance", []),
        // The CSV route takes a file, not JSON: garbage in its query, and no file, must be refused before anything is read.
        ("POST", "/api/v1/metrics/observations/csv", ["platform", "account", "observedAt", "source"]),
        ("GET", "/admin/services/{id}/outbox/parked", []),
        ("POST", "/admin/services/tracking/outbox/parked/{id}/redrive", []),
        ("POST", "/admin/services/{id}/outbox/parked/7f1f2d4e-0000-4000-8000-000000000001/redrive", []),
        ("GET", $"/api/v1/assets/{assetId}", ["unexpected"]),
        ("GET", $"/api/v1/publications/{publicationId}", ["unexpected"]),
    ];

    public static Gen<BadRequest> Any(string assetId, string publicationId) => Gen.Frequency(
        (3, Gen.Elements(Writes(assetId, publicationId).ToArray()).SelectMany(Poisoned)),
        (2, Gen.Elements(Reads(assetId, publicationId).ToArray()).SelectMany(Garbled)));

    private static Gen<BadRequest> Poisoned((string Method, string Path, JsonObject Body) write) =>
        from poison in Gen.Elements(Poisons)
        from noise in NoiseFor(write.Body)
        from seed in Gen.Choose(0, int.MaxValue)
        from key in Gen.OneOf(Gen.Constant<string?>(null), Words.Select(w => (string?)new string(w.Where(c => c is > ' ' and < '\u007f').ToArray())))
        let body = Apply(write.Body, noise)
        let poisoned = poison.Apply(body, new Random(seed))
        // A poison that happened to leave the body as it was (an emptied list has nothing to replace) is no poison.
        let sure = poisoned.Body == body.ToJsonString() ? (body.ToJsonString()[..^1], JsonType) : poisoned
        select new BadRequest(write.Method, write.Path, sure.Item1, sure.Item2, key, poison.Name);

    private static Gen<BadRequest> Garbled((string Method, string Path, string[] Query) read) =>
        // Kestrel itself refuses a NUL in a path, with a bare 400, before any of our code runs; in a query it reaches us.
        from id in Gen.OneOf(Gen.Constant("7f1f2d4e-0000-4000-8000-000000000001"), Words.Where(w => !w.Contains('\0')).Select(Uri.EscapeDataString))
        from values in Gen.ListOf(Words, read.Query.Length)
        let query = string.Join('&', read.Query.Zip(values, (name, value) => $"{name}={Uri.EscapeDataString(value)}"))
        select new BadRequest(read.Method, read.Path.Replace("{id}", id) + (query.Length > 0 ? "?" + query : ""), null, null, null,
            "garbage ids and query");

    private sealed record Poison(string Name, Func<JsonObject, Random, (string? Body, string? ContentType)> Apply);

    private static readonly Poison[] Poisons =
    [
        // A writer would mend a lone surrogate, so it goes into the text as the escape a hostile client sends.
        new("text the database cannot store", (body, random) => (Replace(body, random, JsonValueKind.String,
            _ => JsonValue.Create(random.Next(2) == 0 ? "before\u0000after" : LoneSurrogate)).Replace(LoneSurrogate, "half of \\ud83d"), JsonType)),
        new("a value of the wrong type", (body, random) => (Replace(body, random, null, node => WrongType(node, random)), JsonType)),
        new("null in a list of text", (body, random) => (Replace(body, random, JsonValueKind.Array, _ => new JsonArray(JsonValue.Create("ok"), null)), JsonType)),
        new("a body cut short", (body, random) => { var text = body.ToJsonString(); return (text[..random.Next(1, text.Length - 1)], JsonType); }),
        new("a body that is not an object", (body, random) => (random.Next(3) switch { 0 => "[" + body.ToJsonString() + "]", 1 => "42", _ => "\"text\"" }, JsonType)),
        new("nesting past any limit", (body, _) => (body.ToJsonString()[..^1] + ",\"deep\":" + new string('[', 200) + new string(']', 200) + "}", JsonType)),
        new("an empty body", (_, _) => ("", JsonType)),
        new("not JSON at all", (body, random) => (random.Next(2) == 0 ? "title=Pier&kind=photo" : "\u00ff\u00fe garbage " + body, JsonType)),
        new("a content type that is not JSON", (body, random) => (body.ToJsonString(), random.Next(2) == 0 ? "text/plain" : "application/xml")),
        new("a character set that is not UTF-8", (body, random) => (body.ToJsonString(),
            random.Next(3) switch { 0 => "application/json; charset=bogus", 1 => "application/json; charset=utf-16", _ => "application/json; charset=latin1" })),
        new("null where an object belongs in a list", (body, random) => (Replace(body, random, JsonValueKind.Object,
            node => node?.Parent is JsonArray ? null : WrongType(node, random)), JsonType)),
    ];

    private const string JsonType = "application/json";
    private const string LoneSurrogate = "LONE-SURROGATE";

    /// <summary>Replaces one value of the wanted kind (any kind when null), anywhere in the body, with what <paramref name="make"/> makes of it.</summary>
    private static string Replace(JsonObject body, Random random, JsonValueKind? kind, Func<JsonNode?, JsonNode?> make)
    {
        var copy = (JsonObject)body.DeepClone();
        // A metric's value may be of any JSON kind (platforms send numbers and strings alike), so none is "wrong" there.
        var candidates = Nodes(copy).Where(n => n.Parent is not null && (kind is null || n.GetValueKind() == kind)
            && !(n.Parent is JsonObject { Parent: JsonObject } map && map.GetPropertyName() == "metrics")
            && !(kind == JsonValueKind.Array && n.AsArray().Any(e => e?.GetValueKind() != JsonValueKind.String))).ToList();
        if (candidates.Count == 0)
            return copy.ToJsonString()[..^1]; // nothing of that kind left after the noise: cut short instead, as invalid
        var target = candidates[random.Next(candidates.Count)];
        var replacement = make(target);
        switch (target.Parent)
        {
            case JsonObject parent: parent[target.GetPropertyName()] = replacement; break;
            case JsonArray array: array[target.GetElementIndex()] = replacement; break;
        }
        return copy.ToJsonString();
    }

    /// <summary>A value no field of that kind takes: numbers as numbers are read leniently from strings, so they get objects.</summary>
    private static JsonNode? WrongType(JsonNode? node, Random random) => node?.GetValueKind() switch
    {
        JsonValueKind.String => random.Next(3) switch { 0 => JsonValue.Create(12345), 1 => new JsonObject { ["a"] = 1 }, _ => new JsonArray(1, 2) },
        JsonValueKind.Array => random.Next(2) == 0 ? JsonValue.Create("not a list") : new JsonObject(),
        JsonValueKind.Object => random.Next(2) == 0 ? new JsonArray(JsonValue.Create("x")) : JsonValue.Create(7),
        _ => random.Next(2) == 0 ? new JsonObject { ["n"] = 1 } : new JsonArray(),
    };

    private static IEnumerable<JsonNode> Nodes(JsonNode? node) => node switch
    {
        JsonObject o => new[] { node }.Concat(o.Select(p => p.Value).SelectMany(Nodes)),
        JsonArray a => new[] { node }.Concat(a.SelectMany(Nodes)),
        null => [],
        _ => [node],
    };

    /// <summary>
    /// Random text for some of the template's text fields: valid or not, the poison decides. Only text, so every field
    /// keeps its JSON type and the wrong-type poison stays wrong.
    /// </summary>
    private static Gen<List<(string Field, JsonNode? Value)>> NoiseFor(JsonObject body)
    {
        var textFields = body.Where(p => p.Value?.GetValueKind() == JsonValueKind.String).Select(p => p.Key).ToArray();
        return textFields.Length == 0 ? Gen.Constant(new List<(string, JsonNode?)>())
            : Gen.Choose(0, 3).SelectMany(count => Gen.ListOf(Gen.Zip(Gen.Elements(textFields), Words.Select(w => (JsonNode?)JsonValue.Create(w))), count))
                .Select(noise => noise.ToList());
    }

    private static JsonObject Apply(JsonObject body, List<(string Field, JsonNode? Value)> noise)
    {
        var copy = (JsonObject)body.DeepClone();
        foreach (var (field, value) in noise)
            copy[field] = value?.DeepClone();
        return copy;
    }

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
