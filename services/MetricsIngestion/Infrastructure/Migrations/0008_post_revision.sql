-- How many MetricsUpdated events each post has had: the next one carries the count, so consumers can order them.
ALTER TABLE posts ADD COLUMN revision bigint NOT NULL DEFAULT 0;
