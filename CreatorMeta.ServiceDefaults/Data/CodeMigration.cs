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
    /// Rewrites every value of a text column with <paramref name="rewrite"/>, computed once per distinct value (a column of
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
            var changes = values.Select(value => (Old: value, New: rewrite(value))).Where(c => c.New is not null && c.New != c.Old).ToList();
            if (changes.Count == 0)
                return;
            // One statement for all of them: a single pass over the table, however many spellings change.
            await using var update = new NpgsqlCommand(
                $"UPDATE {table} t SET {column} = c.new FROM unnest($1::text[], $2::text[]) AS c(old, new) WHERE t.{column} = c.old", connection, transaction);
            update.Parameters.AddWithValue(changes.Select(c => c.Old).ToArray());
            update.Parameters.AddWithValue(changes.Select(c => c.New!).ToArray());
            await update.ExecuteNonQueryAsync(cancellationToken);
        });

    /// <summary>
    /// Rewrites every text[] value of a column with <paramref name="rewrite"/> (which may drop, merge or respell elements).
    /// Only rows holding an element the rewrite changes on its own are read and written; they are locked as they are read,
    /// so each keeps the physical place (ctid) it is written back to.
    /// </summary>
    public static CodeMigration RewriteArrayColumn(string id, string table, string column, Func<IReadOnlyList<string>, IReadOnlyList<string>> rewrite) =>
        new(id, async (connection, transaction, cancellationToken) =>
        {
            var changed = new List<string>();
            await using (var read = new NpgsqlCommand($"SELECT DISTINCT e FROM {table}, unnest({column}) AS e WHERE e IS NOT NULL", connection, transaction))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    if (reader.GetString(0) is var element && !rewrite([element]).SequenceEqual([element]))
                        changed.Add(element);
            if (changed.Count == 0)
                return;
            var rows = new List<(string Row, string[] Values)>();
            await using (var read = new NpgsqlCommand($"SELECT ctid::text, {column} FROM {table} WHERE {column} && $1 FOR UPDATE", connection, transaction)
                { Parameters = { new() { Value = changed.ToArray() } } })
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    rows.Add((reader.GetString(0), reader.GetFieldValue<string[]>(1)));
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var (row, values) in rows)
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"UPDATE {table} SET {column} = $1 WHERE ctid = $2::tid")
                    { Parameters = { new() { Value = rewrite(values).ToArray() }, new() { Value = row } } });
            await batch.ExecuteNonQueryAsync(cancellationToken);
        });
}
