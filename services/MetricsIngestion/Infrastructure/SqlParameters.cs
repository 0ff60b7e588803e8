using Npgsql;
using NpgsqlTypes;

namespace CreatorMeta.MetricsIngestion.Infrastructure;

/// <summary>Parameters for the service's SQL: a typed one passes as it is, a null goes as text so PostgreSQL knows its type.</summary>
public static class SqlParameters
{
    public static NpgsqlParameter From(object? value) => value switch
    {
        NpgsqlParameter typed => typed,
        null => Text(null),
        _ => new NpgsqlParameter { Value = value },
    };

    public static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
