-- A post waiting for its baseline waits at one age; it is woken only when that age's baseline reaches the size it needs,
-- not every time a post enters its group.
ALTER TABLE posts ADD COLUMN awaits_age text;
UPDATE posts SET awaits_age = resolution -> 'score' ->> 'age' WHERE awaits_baseline;
DROP INDEX posts_awaiting_baseline;
ALTER TABLE posts DROP COLUMN awaits_baseline;
CREATE INDEX posts_awaiting_baseline ON posts (workspace_id, platform, account, format, awaits_age) WHERE awaits_age IS NOT NULL;
