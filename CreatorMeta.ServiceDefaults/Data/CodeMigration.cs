using Npgsql;

namespace CreatorMeta.ServiceDefaults.Data;

/// <summary>
/// A migration step written in C#, for rewrites that must use the very function that guards the way in (a copy of it in
/// SQL could drift from it). It runs once, in its own transaction, in <see cref="Id"/> order among the service's SQL
/// scripts (named like "tracking_0009_account_handles").
/// </summary>
public sealed record CodeMigration(string Id, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> ApplyAsync)
{
    /// <summary>
    /// Rewrites every value of a text column with <paramref name="rewrite"/>, one distinct value at a time (a column of
    /// handles has few of them however many rows carry them). Values it returns null for are left as they are.
    /// </summary>
    public static CodeMigration RewriteColumn(string id, string table, string column, Func<string?, string?> rewrite) => new(id,
        async (connection, transaction, cancellationToken) =>
        {
            var values = new List<string>();
            await using (var read = new NpgsqlCommand($"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL", connection, transaction))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    values.Add(reader.GetString(0));
            foreach (var value in values)
            {
                if (rewrite(value) is not { } rewritten || rewritten == value)
                    continue;
                await using var update = new NpgsqlCommand($"UPDATE {table} SET {column} = $1 WHERE {column} = $2", connection, transaction);
                update.Parameters.AddWithValue(rewritten);
                update.Parameters.AddWithValue(value);
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
        });
}
