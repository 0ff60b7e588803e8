-- Readings stored before resolution existed have no post row, and posts resolved under earlier rules have stale results:
-- every post gets its row and is resolved again (the worker takes them in batches).
INSERT INTO posts (workspace_id, platform, external_post_id, account)
SELECT DISTINCT ON (workspace_id, platform, external_post_id) workspace_id, platform, external_post_id, account
FROM raw_observations ORDER BY workspace_id, platform, external_post_id, observed_at DESC
ON CONFLICT (workspace_id, platform, external_post_id) DO NOTHING;
INSERT INTO resolution_queue (workspace_id, platform, external_post_id)
SELECT workspace_id, platform, external_post_id FROM posts;
