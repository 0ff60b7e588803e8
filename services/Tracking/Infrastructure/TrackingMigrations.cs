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
        // Tags on X, LinkedIn and YouTube end at an emoji, as those platforms read them ("#sunset🌅" is #sunset there); the
        // rewrites above spelled them without the platform's rule.
        new("tracking_0020_hashtags_as_each_platform_reads_them", HashtagsAsEachPlatformReadsThemAsync),
    ];

    private static async Task HashtagsAsEachPlatformReadsThemAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        var platforms = Platforms.Known.Where(p => !HashtagNames.EmojiInTags(p)).ToArray();
        var assets = new HashSet<Guid>();
        foreach (var (select, update) in new[]
        {
            ("SELECT p.id, 0, p.asset_id, p.platform, p.hashtags FROM publications p WHERE p.platform = ANY($1) FOR UPDATE",
                "UPDATE publications SET hashtags = $1 WHERE id = $2"),
            ("SELECT v.publication_id, v.version, p.asset_id, p.platform, v.hashtags FROM publication_versions v JOIN publications p ON p.id = v.publication_id " +
                "WHERE p.platform = ANY($1) FOR UPDATE OF v", "UPDATE publication_versions SET hashtags = $1 WHERE publication_id = $2 AND version = $3"),
        })
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            await using (var read = new NpgsqlCommand(select, connection, transaction) { Parameters = { new() { Value = platforms } } })
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                {
                    var tags = reader.GetFieldValue<string[]>(4);
                    var rewritten = HashtagNames.Of(tags, reader.GetString(3)).Tags;
                    if (rewritten.SequenceEqual(tags))
                        continue;
                    assets.Add(reader.GetGuid(2));
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(update)
                        { Parameters = { new() { Value = rewritten.ToArray() }, new() { Value = reader.GetGuid(0) }, new() { Value = reader.GetInt32(1) } } });
                }
            if (batch.BatchCommands.Count > 0)
                await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        // Each changed asset's live tags again, as Asset keeps them: the union over its live posts, in ordinal order.
        var live = new Dictionary<Guid, SortedSet<string>>();
        await using (var read = new NpgsqlCommand("SELECT a.id, p.hashtags FROM assets a LEFT JOIN publications p ON p.asset_id = a.id AND p.status = 'live' " +
            "WHERE a.id = ANY($1) FOR UPDATE OF a", connection, transaction) { Parameters = { new() { Value = assets.ToArray() } } })
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var set = live.TryGetValue(reader.GetGuid(0), out var known) ? known : live[reader.GetGuid(0)] = new SortedSet<string>(StringComparer.Ordinal);
                if (!reader.IsDBNull(1))
                    set.UnionWith(reader.GetFieldValue<string[]>(1));
            }
        await using var summaries = new NpgsqlBatch(connection, transaction);
        foreach (var (asset, tags) in live)
            summaries.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE assets SET live_hashtags = $1 WHERE id = $2")
                { Parameters = { new() { Value = tags.ToArray() }, new() { Value = asset } } });
        if (summaries.BatchCommands.Count > 0)
            await summaries.ExecuteNonQueryAsync(cancellationToken);
    }

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
