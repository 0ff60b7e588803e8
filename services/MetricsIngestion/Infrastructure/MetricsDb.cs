using CreatorMeta.ServiceDefaults.Data;
using CreatorMeta.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>
/// The outbox and the inbox; the rest of the schema is read and written with SQL on the same connection and in the same
/// transaction, because resolution works on whole batches of posts at once.
/// </summary>
public sealed class MetricsDb(DbContextOptions<MetricsDb> options) : DbContext(options)
{
    /// <summary>A command on the context's connection, in its current transaction (begin one first).</summary>
    public NpgsqlCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)Database.GetDbConnection(),
            (NpgsqlTransaction?)Database.CurrentTransaction?.GetDbTransaction());
        foreach (var parameter in parameters)
            command.Parameters.Add(SqlParameters.From(parameter));
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object?[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddOutbox();
        model.UseSnakeCaseNames();
    }
}
