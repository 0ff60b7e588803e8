-- Richer assets, caption versions and tombstones, and full-text search over titles, descriptions and captions.
ALTER TABLE assets
    ADD COLUMN perceptual_hash  bigint,
    ADD COLUMN duration_seconds double precision,
    ADD COLUMN width            integer,
    ADD COLUMN height           integer,
    ADD COLUMN attributes       jsonb       NOT NULL DEFAULT '{}',
    ADD COLUMN needs_review     boolean     NOT NULL DEFAULT false,
    ADD COLUMN archived_at      timestamptz,
    ADD COLUMN search_text      text        NOT NULL DEFAULT '',
    -- 'simple': captions come in every language, so no language's stemming is right for all of them.
    ADD COLUMN search_vector    tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;
CREATE INDEX assets_search ON assets USING gin (search_vector);
CREATE INDEX assets_by_topic ON assets USING gin (topics);
CREATE INDEX assets_by_visual_element ON assets USING gin (visual_elements);

ALTER TABLE publications
    ADD COLUMN version        integer NOT NULL DEFAULT 1,
    ADD COLUMN removed_at     timestamptz,
    ADD COLUMN removal_reason text;
CREATE INDEX publications_by_hashtag ON publications USING gin (hashtags);
CREATE INDEX publications_by_platform ON publications (workspace_id, platform, account, published_at);

CREATE TABLE publication_versions (
    publication_id uuid        NOT NULL REFERENCES publications (id),
    version        integer     NOT NULL,
    caption        text,
    hashtags       text[]      NOT NULL DEFAULT '{}',
    valid_from     timestamptz NOT NULL,
    PRIMARY KEY (publication_id, version)
);

INSERT INTO publication_versions (publication_id, version, caption, hashtags, valid_from)
SELECT id, 1, caption, hashtags, published_at FROM publications;
UPDATE assets a SET search_text = concat_ws(E'\n', a.title, a.description,
    (SELECT string_agg(p.caption, E'\n') FROM publications p WHERE p.asset_id = a.id));
