using System.Reflection;
using Npgsql;

namespace CreatorMeta.ServiceDefaults.Data;

/// <summary>
/// Applies the embedded *.sql migrations of a service and its <see cref="CodeMigration"/>s, in name order, each once and
/// in its own transaction, under an advisory lock so concurrent instances don't race (see docs/decisions/0004-sql-migrations.md).
/// </summary>
public static class SqlMigrator
{
    private const long LockKey = 0x43_4D_4D_49_47; // "CMMIG"

    public static async Task MigrateAsync(NpgsqlDataSource dataSource, Assembly serviceAssembly, IEnumerable<CodeMigration> code,
        CancellationToken cancellationToken = default)
    {
        var steps = EmbeddedScripts(typeof(SqlMigrator).Assembly)
            .Concat(EmbeddedScripts(serviceAssembly).Concat(code).OrderBy(step => step.Id, StringComparer.Ordinal)).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            foreach (var step in steps)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (id) VALUES ($1) ON CONFLICT DO NOTHING", connection, transaction);
                insert.Parameters.AddWithValue(step.Id);
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                    await step.ApplyAsync(connection, transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            await Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static IEnumerable<CodeMigration> EmbeddedScripts(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var sql = reader.ReadToEnd();
                return new CodeMigration(name, (connection, transaction, cancellationToken) => Execute(connection, transaction, sql, cancellationToken));
            });

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
