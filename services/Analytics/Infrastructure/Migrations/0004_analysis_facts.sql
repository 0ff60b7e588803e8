-- What the analysis reads besides the publications: each post's platform id and caption length, its asset's attributes,
-- its latest numbers and score from metrics-ingestion, and the time zone of the account it went out on.
ALTER TABLE publication_facts
    ADD COLUMN external_post_id text,
    ADD COLUMN caption_length   integer NOT NULL DEFAULT 0;
CREATE INDEX publication_facts_by_post ON publication_facts (workspace_id, platform, external_post_id) WHERE external_post_id IS NOT NULL;

CREATE TABLE asset_facts (
    asset_id         uuid PRIMARY KEY,
    workspace_id     text             NOT NULL,
    kind             text             NOT NULL,
    format           text,
    topics           text[]           NOT NULL,
    visual_elements  text[]           NOT NULL,
    duration_seconds double precision,
    language         text,
    attributes       jsonb            NOT NULL,
    as_of            timestamptz      NOT NULL
);

CREATE TABLE metric_facts (
    workspace_id               text             NOT NULL,
    platform                   text             NOT NULL,
    external_post_id           text             NOT NULL,
    metrics                    jsonb            NOT NULL,
    engagement_rate            double precision,
    engagement_rate_definition text,
    score                      double precision,
    observed_at                timestamptz      NOT NULL,
    revision                   bigint           NOT NULL,
    PRIMARY KEY (workspace_id, platform, external_post_id)
);

CREATE TABLE account_zones (
    workspace_id text NOT NULL,
    platform     text NOT NULL,
    account      text NOT NULL,
    time_zone    text NOT NULL,
    PRIMARY KEY (workspace_id, platform, account)
);
