using CreatorMeta.Hashtags.Domain.Trends;
using Npgsql;

namespace CreatorMeta.Hashtags.Infrastructure;

/// <summary>An outside source's latest word on a tag, with the word before it.</summary>
public sealed record LatestSignal(string Platform, string Tag, string Source, DateTimeOffset ObservedAt, double Score, DateTimeOffset? PreviousAt,
    double? PreviousScore);

public static class TrendSignals
{
    /// <summary>Stores the signals in one statement: all or none, and one row per source, tag and time however often it is sent.</summary>
    public static async Task StoreAsync(this NpgsqlDataSource dataSource, string workspace, IReadOnlyList<TrendSignal> sent, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // One row per key, as PostgreSQL keeps times (to the microsecond) — the last sent wins —, in key order, so two
        // batches that overlap lock their rows in the same order.
        var signals = sent.Select(s => s with { ObservedAt = s.ObservedAt.AddTicks(-(s.ObservedAt.Ticks % 10)) })
            .GroupBy(s => (s.Platform, s.Tag, s.Source, s.ObservedAt)).Select(g => g.Last())
            .OrderBy(s => s.Platform, StringComparer.Ordinal).ThenBy(s => s.Tag, StringComparer.Ordinal).ThenBy(s => s.Source, StringComparer.Ordinal)
            .ThenBy(s => s.ObservedAt).ToList();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO trend_signals (workspace_id, platform, tag, source, observed_at, score, received_at)
            SELECT $1, s.platform, s.tag, s.source, s.observed_at, s.score, $7
            FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::float8[]) AS s(platform, tag, source, observed_at, score)
            ON CONFLICT (workspace_id, platform, tag, source, observed_at) DO UPDATE SET score = EXCLUDED.score, received_at = EXCLUDED.received_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = workspace });
        command.Parameters.Add(new NpgsqlParameter { Value = signals.Select(s => s.Platform).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = signals.Select(s => s.Tag).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = signals.Select(s => s.Source).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = signals.Select(s => s.ObservedAt).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = signals.Select(s => s.Score).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How far back a signal still says something about now: older ones are history, and are not read.</summary>
    public const int RecentDays = 90;

    /// <summary>
    /// Each source's latest signal per tag seen in the <see cref="RecentDays"/> before <paramref name="asOf"/>, with the one before it: the
    /// <paramref name="limit"/> strongest of each source (scores compare within a source only), so no busy source crowds out the rest.
    /// </summary>
    public static async Task<List<LatestSignal>> LatestAsync(this NpgsqlDataSource dataSource, string workspace, string? platform, DateTimeOffset asOf,
        int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT platform, tag, source, observed_at, score, previous_at, previous_score FROM (
                SELECT *, row_number() OVER (PARTITION BY source ORDER BY score DESC, tag, platform) AS strength FROM (
                    SELECT platform, tag, source, observed_at, score,
                           lag(observed_at) OVER history AS previous_at, lag(score) OVER history AS previous_score,
                           row_number() OVER (PARTITION BY platform, tag, source ORDER BY observed_at DESC) AS recency
                    FROM trend_signals
                    WHERE workspace_id = $1 AND ($2::text IS NULL OR platform = $2) AND observed_at < $3
                      AND observed_at >= $3 - make_interval(days => $5)
                    WINDOW history AS (PARTITION BY platform, tag, source ORDER BY observed_at)) signals
                WHERE recency = 1) ranked
            WHERE strength <= $4
            ORDER BY source, score DESC, tag, platform
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = workspace });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)platform ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = asOf });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = RecentDays });
        var latest = new List<LatestSignal>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            latest.Add(new LatestSignal(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetDouble(6)));
        return latest;
    }
}
