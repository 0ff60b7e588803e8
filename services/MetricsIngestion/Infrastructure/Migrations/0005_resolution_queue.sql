-- Posts waiting to be resolved, as an append-only queue: whoever marks a post (a new reading, a mapping row, new settings,
-- tracking's facts, a grown baseline) adds a row and takes no lock on the post, so no mark is lost to a post being resolved
-- at that moment and no marker waits for the resolution worker. The worker deletes the rows of the posts it resolves.
CREATE TABLE resolution_queue (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id     text NOT NULL,
    platform         text NOT NULL,
    external_post_id text NOT NULL
);
CREATE INDEX resolution_queue_by_post ON resolution_queue (workspace_id, platform, external_post_id);
INSERT INTO resolution_queue (workspace_id, platform, external_post_id)
SELECT workspace_id, platform, external_post_id FROM posts WHERE needs_resolution;
DROP INDEX posts_to_resolve;
ALTER TABLE posts DROP COLUMN needs_resolution;

-- The asset's kind stands in for its format when it has none, so no post falls into an anonymous baseline.
ALTER TABLE assets ADD COLUMN kind text;

CREATE INDEX posts_awaiting_baseline ON posts (workspace_id, platform, account, format) WHERE awaits_baseline;
