using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace CreatorMeta.Gateway.Auth;

/// <summary>
/// Workspaces and their keys in the gateway's database. Lookups are cached in-process for a short time (hits and
/// misses alike), so every request does not cost a query; see docs/decisions/0006-gateway.md about Redis.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource db, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async Task<Caller?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(presentedKey);
        var cacheKey = "apikey:" + Convert.ToHexString(hash);
        if (cache.TryGetValue(cacheKey, out Caller? cached))
            return cached;
        await using var command = db.CreateCommand(
            "SELECT id, workspace_id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL");
        command.Parameters.AddWithValue(hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var caller = await reader.ReadAsync(cancellationToken) ? new Caller(reader.GetGuid(0), reader.GetString(1)) : null;
        cache.Set(cacheKey, caller, CacheFor);
        return caller;
    }

    /// <summary>Creates the workspace if needed and registers a key for it; idempotent for the same key.</summary>
    public async Task RegisterAsync(string workspaceId, string workspaceName, string keyName, string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING")
        { Parameters = { new() { Value = workspaceId }, new() { Value = workspaceName }, new() { Value = now } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "INSERT INTO api_keys (id, workspace_id, name, key_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key_hash) DO NOTHING")
        { Parameters = { new() { Value = Guid.CreateVersion7(now) }, new() { Value = workspaceId }, new() { Value = keyName }, new() { Value = ApiKeys.Hash(key) }, new() { Value = now } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> WorkspaceExistsAsync(string workspaceId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("SELECT 1 FROM workspaces WHERE id = $1");
        command.Parameters.AddWithValue(workspaceId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
