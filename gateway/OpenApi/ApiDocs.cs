using System.Text.Json.Nodes;
using CreatorMeta.Gateway.Routing;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.OpenApi;

namespace CreatorMeta.Gateway.OpenApi;

/// <summary>
/// One OpenAPI document for the whole public surface: each service's own document (generated from its typed
/// handlers), restricted to the routes the gateway exposes, merged with the gateway's own, plus a browsable UI.
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/public.json";

    public static IEndpointRouteBuilder MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapGet(DocumentPath, async (IServiceProvider services, IHttpClientFactory clients, IConfiguration configuration, IMemoryCache cache) =>
        {
            // Built from our own document and the configured service addresses only, never from anything in the request,
            // so no caller can choose where it is fetched from or what the cache then serves everyone else.
            var document = await cache.GetOrCreateAsync("openapi", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
                return await BuildAsync(services, clients, configuration);
            });
            return Results.Text(document!.ToJsonString(), "application/json");
        }).ExcludeFromDescription();
        return app;
    }

    private static async Task<JsonObject> BuildAsync(IServiceProvider services, IHttpClientFactory clients, IConfiguration configuration)
    {
        var own = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync();
        var document = JsonNode.Parse(await own.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1)) as JsonObject ?? [];
        document["info"] = new JsonObject
        {
            ["title"] = "CreatorMeta API",
            ["version"] = "v1",
            ["description"] = "The public REST surface. Authenticate with 'Authorization: Bearer <api key>'.",
        };
        var paths = document["paths"] as JsonObject ?? [];
        document["paths"] = paths;
        var components = document["components"] as JsonObject ?? [];
        document["components"] = components;
        var schemas = components["schemas"] as JsonObject ?? [];
        components["schemas"] = schemas;
        components["securitySchemes"] = new JsonObject
        {
            ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "A workspace API key." },
        };
        document["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() });

        foreach (var service in GatewayRoutes.Table.Select(r => r.Service).Distinct())
        {
            Uri address;
            try
            {
                address = CreatorMeta.ServiceDefaults.ServiceAddresses.Resolve(configuration, service, "http");
            }
            catch (InvalidOperationException)
            {
                continue;
            }
            if (await FetchAsync(clients, new Uri(address, "/openapi/v1.json")) is not { } serviceDocument)
                continue;
            foreach (var (path, item) in serviceDocument["paths"] as JsonObject ?? [])
                if (path.StartsWith("/api/v1/", StringComparison.Ordinal) && item is not null && !paths.ContainsKey(path))
                    paths[path] = item.DeepClone();
            foreach (var (name, schema) in serviceDocument["components"]?["schemas"] as JsonObject ?? [])
                if (schema is not null && !schemas.ContainsKey(name))
                    schemas[name] = schema.DeepClone();
        }
        return document;
    }

    private static async Task<JsonObject?> FetchAsync(IHttpClientFactory clients, Uri url)
    {
        try
        {
            return JsonNode.Parse(await clients.CreateClient(Forwarding.Forwarder.ClientName).GetStringAsync(url)) as JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException)
        {
            return null; // a service that is down leaves its routes out until it is back
        }
    }
}
