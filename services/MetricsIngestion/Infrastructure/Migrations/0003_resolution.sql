-- Mapping rows say what each platform field means for a span of time; built-in rows have no workspace.
CREATE TABLE metric_mappings (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id   text,
    platform       text             NOT NULL,
    api            text             NOT NULL,
    raw_name       text             NOT NULL,
    canonical      text             NOT NULL,
    scope          text             NOT NULL,
    multiplier     double precision NOT NULL DEFAULT 1,
    combine        text             NOT NULL DEFAULT 'max',
    effective_from timestamptz      NOT NULL,
    effective_to   timestamptz,
    note           text,
    created_at     timestamptz      NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX metric_mappings_by_field ON metric_mappings (coalesce(workspace_id, ''), platform, raw_name, effective_from);

CREATE TABLE metric_settings (
    workspace_id       text PRIMARY KEY,
    source_precedence  text[]           NOT NULL,
    conflict_margin    double precision NOT NULL,
    min_baseline_posts integer          NOT NULL,
    updated_at         timestamptz      NOT NULL
);

-- Tracking's facts, as far as metrics need them: which post is which publication of which asset, in which format.
CREATE TABLE assets (
    asset_id     uuid PRIMARY KEY,
    workspace_id text        NOT NULL,
    format       text,
    as_of        timestamptz NOT NULL
);
CREATE TABLE publications (
    publication_id   uuid PRIMARY KEY,
    workspace_id     text        NOT NULL,
    asset_id         uuid        NOT NULL,
    platform         text        NOT NULL,
    account          text        NOT NULL,
    external_post_id text,
    published_at     timestamptz,
    removed_at       timestamptz
);
CREATE INDEX publications_by_post ON publications (workspace_id, platform, external_post_id) WHERE external_post_id IS NOT NULL;
CREATE INDEX publications_by_asset ON publications (workspace_id, asset_id);

-- One row per post observed or published: its latest resolution, and whether new readings wait to be resolved.
CREATE TABLE posts (
    workspace_id     text        NOT NULL,
    platform         text        NOT NULL,
    external_post_id text        NOT NULL,
    account          text        NOT NULL,
    needs_resolution boolean     NOT NULL DEFAULT true,
    format           text,
    resolution       jsonb,
    score            double precision,
    awaits_baseline  boolean     NOT NULL DEFAULT false,
    published_digest text,
    resolved_at      timestamptz,
    PRIMARY KEY (workspace_id, platform, external_post_id)
);
CREATE INDEX posts_to_resolve ON posts (workspace_id) WHERE needs_resolution;

-- Each post's engagement at the standard ages it has a fair value for: the baselines posts are scored against.
CREATE TABLE baseline_values (
    workspace_id     text             NOT NULL,
    platform         text             NOT NULL,
    account          text             NOT NULL,
    format           text             NOT NULL,
    age              text             NOT NULL,
    external_post_id text             NOT NULL,
    engagement       double precision NOT NULL,
    PRIMARY KEY (workspace_id, platform, external_post_id, age)
);
CREATE INDEX baseline_values_by_group ON baseline_values (workspace_id, platform, account, format, age) INCLUDE (engagement);
