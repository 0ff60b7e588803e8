CREATE TABLE publication_facts (
    publication_id uuid PRIMARY KEY,
    workspace_id   text        NOT NULL,
    asset_id       uuid        NOT NULL,
    platform       text        NOT NULL,
    account        text        NOT NULL,
    published_at   timestamptz NOT NULL,
    hashtag_count  integer     NOT NULL,
    is_repurpose   boolean     NOT NULL
);
CREATE INDEX publication_facts_by_workspace ON publication_facts (workspace_id, platform);
