-- Posts taken down before resolution left baselines on removal: each is resolved once more, and leaves them.
INSERT INTO resolution_queue (workspace_id, platform, external_post_id)
SELECT workspace_id, platform, external_post_id FROM publications WHERE removed_at IS NOT NULL AND external_post_id IS NOT NULL;
