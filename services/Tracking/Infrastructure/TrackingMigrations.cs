using CreatorMeta.Contracts;
using CreatorMeta.ServiceDefaults.Data;
using Npgsql;

namespace CreatorMeta.Tracking.Infrastructure;

/// <summary>The migrations that must run the same C# as the way in, beside the SQL ones in Migrations/.</summary>
public static class TrackingMigrations
{
    public static readonly CodeMigration[] All =
    [
        // Handles stored as typed before they had one spelling: every publication keeps its place under the one spelling,
        // and accounts registered twice under two spellings become the one registered first.
        CodeMigration.RewriteColumn("tracking_0009_account_handles", "publications", "account", AccountHandles.Normalize),
        new("tracking_0010_merge_registered_accounts", MergeRegisteredAccountsAsync),
        // Hashtags stored lower-cased before they had their Unicode-aware identity; what is not a tag by its rules goes.
        CodeMigration.RewriteArrayColumn("tracking_0014_hashtag_names", "publications", "hashtags", tags => HashtagNames.Of(tags).Tags),
        CodeMigration.RewriteArrayColumn("tracking_0015_hashtag_names_of_versions", "publication_versions", "hashtags", tags => HashtagNames.Of(tags).Tags),
        CodeMigration.RewriteArrayColumn("tracking_0016_live_hashtag_names", "assets", "live_hashtags",
            tags => HashtagNames.Of(tags).Tags.Order(StringComparer.Ordinal).ToList()),
        // Languages were kept as typed ("EN" beside "en"); labels have one spelling.
        CodeMigration.RewriteColumn("tracking_0017_language_labels", "assets", "language", Labels.Normalize),
        // Handles again, now that their compatibility form is real (ICU; invariant globalization had left non-ASCII as typed).
        CodeMigration.RewriteColumn("tracking_0018_account_handles_nfkc", "publications", "account", AccountHandles.Normalize),
        new("tracking_0019_merge_registered_accounts_nfkc", MergeRegisteredAccountsAsync),
    ];

    private static async Task MergeRegisteredAccountsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var accounts = new List<(Guid Id, string Workspace, string Platform, string Handle)>();
        await using (var read = new NpgsqlCommand("SELECT id, workspace_id, platform, handle FROM accounts ORDER BY created_at, id", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                accounts.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        foreach (var spellings in accounts.GroupBy(a => (a.Workspace, a.Platform, Handle: AccountHandles.Normalize(a.Handle) ?? a.Handle)))
        {
            var (first, later) = (spellings.First(), spellings.Skip(1).Select(a => a.Id).ToArray());
            if (later.Length == 0 && first.Handle == spellings.Key.Handle)
                continue;
            await using var merge = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("DELETE FROM accounts WHERE id = ANY($1)") { Parameters = { new() { Value = later } } },
                    new NpgsqlBatchCommand("UPDATE accounts SET handle = $1 WHERE id = $2") { Parameters = { new() { Value = spellings.Key.Handle }, new() { Value = first.Id } } },
                },
            };
            await merge.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
