-- What the hashtag statistics read, projected from tracking's and metrics-ingestion's events (they arrive in any order):
-- each post's tags (the listed ones and its caption's, by their one spelling), its asset's format and topics, its latest
-- baseline score, and the zone of the account it went out on.
CREATE TABLE tagged_posts (
    publication_id   uuid PRIMARY KEY,
    workspace_id     text        NOT NULL,
    asset_id         uuid        NOT NULL,
    platform         text        NOT NULL,
    account          text        NOT NULL,
    external_post_id text,
    published_at     timestamptz,
    hashtags         text[]      NOT NULL DEFAULT '{}',
    version          integer     NOT NULL DEFAULT 0,
    removed_at       timestamptz
);
CREATE INDEX tagged_posts_by_post ON tagged_posts (workspace_id, platform, external_post_id) WHERE external_post_id IS NOT NULL;
CREATE INDEX tagged_posts_by_workspace ON tagged_posts (workspace_id, platform, published_at);

CREATE TABLE post_assets (
    asset_id     uuid PRIMARY KEY,
    workspace_id text        NOT NULL,
    kind         text        NOT NULL,
    format       text,
    topics       text[]      NOT NULL,
    as_of        timestamptz NOT NULL
);

CREATE TABLE post_scores (
    workspace_id     text             NOT NULL,
    platform         text             NOT NULL,
    external_post_id text             NOT NULL,
    score            double precision,
    engagement_rate  double precision,
    observed_at      timestamptz      NOT NULL,
    revision         bigint           NOT NULL,
    PRIMARY KEY (workspace_id, platform, external_post_id)
);

CREATE TABLE account_zones (
    workspace_id text NOT NULL,
    platform     text NOT NULL,
    account      text NOT NULL,
    time_zone    text NOT NULL,
    PRIMARY KEY (workspace_id, platform, account)
);

-- A workspace's conventions, validated and stored whole: small, read whole, replaced whole.
CREATE TABLE taxonomies (
    workspace_id text PRIMARY KEY,
    document     jsonb       NOT NULL,
    version      integer     NOT NULL,
    updated_at   timestamptz NOT NULL
);
