-- Every raw observation is kept as the source sent it; resolution into canonical metrics reads from here.
CREATE TABLE raw_observations (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id     text        NOT NULL,
    platform         text        NOT NULL,
    account          text        NOT NULL,
    external_post_id text        NOT NULL,
    observed_at      timestamptz NOT NULL,
    source           text        NOT NULL,
    source_event_id  text        NOT NULL,
    metrics          jsonb       NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (workspace_id, source, source_event_id)
);
CREATE INDEX raw_observations_by_post ON raw_observations (workspace_id, platform, external_post_id, observed_at);
