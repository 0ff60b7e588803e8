CREATE TABLE assets (
    id              uuid PRIMARY KEY,
    workspace_id    text        NOT NULL,
    title           text        NOT NULL,
    description     text,
    kind            text        NOT NULL,
    content_hash    text,
    topics          text[]      NOT NULL DEFAULT '{}',
    visual_elements text[]      NOT NULL DEFAULT '{}',
    format          text,
    language        text,
    status          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX assets_by_workspace ON assets (workspace_id, created_at DESC, id DESC);
CREATE INDEX assets_by_hash ON assets (workspace_id, content_hash) WHERE content_hash IS NOT NULL;

CREATE TABLE publications (
    id               uuid PRIMARY KEY,
    workspace_id     text        NOT NULL,
    asset_id         uuid        NOT NULL REFERENCES assets (id),
    platform         text        NOT NULL,
    account          text        NOT NULL,
    external_post_id text,
    post_url         text,
    published_at     timestamptz NOT NULL,
    caption          text,
    hashtags         text[]      NOT NULL DEFAULT '{}',
    source           text        NOT NULL,
    repurpose_reason text,
    status           text        NOT NULL,
    recorded_at      timestamptz NOT NULL
);
CREATE INDEX publications_by_asset ON publications (asset_id, published_at);
CREATE INDEX publications_live_on_account ON publications (workspace_id, platform, account) WHERE status = 'live';
CREATE UNIQUE INDEX publications_by_external_id ON publications (workspace_id, platform, external_post_id)
    WHERE external_post_id IS NOT NULL;
