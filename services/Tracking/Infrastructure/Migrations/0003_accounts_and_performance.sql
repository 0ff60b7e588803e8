CREATE TABLE accounts (
    id           uuid PRIMARY KEY,
    workspace_id text        NOT NULL,
    platform     text        NOT NULL,
    handle       text        NOT NULL,
    external_id  text,
    time_zone    text        NOT NULL,
    created_at   timestamptz NOT NULL,
    UNIQUE (workspace_id, platform, handle)
);

-- Tracking's copy of each publication's latest resolved metrics (from MetricsUpdated), keyed by publication.
CREATE TABLE publication_performance (
    publication_id  uuid PRIMARY KEY REFERENCES publications (id),
    workspace_id    text             NOT NULL,
    metrics         jsonb            NOT NULL,
    engagement_rate double precision,
    score           double precision,
    observed_at     timestamptz      NOT NULL
);
CREATE INDEX publication_performance_by_score ON publication_performance (workspace_id, score DESC);
