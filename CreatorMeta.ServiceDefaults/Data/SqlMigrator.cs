using System.Reflection;
using Npgsql;

namespace CreatorMeta.ServiceDefaults.Data;

/// <summary>
/// Applies the embedded *.sql migrations of a service, in name order, each once and in its own transaction,
/// under an advisory lock so concurrent instances don't race (see docs/decisions/0004-sql-migrations.md).
/// </summary>
public static class SqlMigrator
{
    private const long LockKey = 0x43_4D_4D_49_47; // "CMMIG"

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, Assembly serviceAssembly, CancellationToken cancellationToken = default)
    {
        var scripts = EmbeddedScripts(typeof(SqlMigrator).Assembly).Concat(EmbeddedScripts(serviceAssembly)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            foreach (var (id, sql) in scripts)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (id) VALUES ($1) ON CONFLICT DO NOTHING", connection, transaction);
                insert.Parameters.AddWithValue(id);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                    await Execute(connection, transaction, sql, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static IEnumerable<(string Id, string Sql)> EmbeddedScripts(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return (name, reader.ReadToEnd());
            });

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
