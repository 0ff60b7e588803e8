-- What outside trend-monitoring services say, kept apart from the creator's own evidence: one row per source, tag and
-- time it was seen, so the same signal sent twice is stored once.
CREATE TABLE trend_signals (
    workspace_id text             NOT NULL,
    platform     text             NOT NULL,
    tag          text             NOT NULL,
    source       text             NOT NULL,
    observed_at  timestamptz      NOT NULL,
    score        double precision NOT NULL,
    received_at  timestamptz      NOT NULL,
    PRIMARY KEY (workspace_id, platform, tag, source, observed_at)
);
