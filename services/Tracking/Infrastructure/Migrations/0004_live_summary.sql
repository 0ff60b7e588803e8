-- Where each asset is live, and with which hashtags, kept on the asset itself: the library's most common filters
-- then read one table, whose statistics let PostgreSQL plan "newest 50 assets live on TikTok" as well as rare ones.
ALTER TABLE assets
    ADD COLUMN live_platforms text[] NOT NULL DEFAULT '{}',
    ADD COLUMN live_hashtags  text[] NOT NULL DEFAULT '{}';
UPDATE assets a SET
    live_platforms = coalesce((SELECT array_agg(DISTINCT p.platform ORDER BY p.platform) FROM publications p
                               WHERE p.asset_id = a.id AND p.status = 'live'), '{}'),
    live_hashtags  = coalesce((SELECT array_agg(DISTINCT h ORDER BY h) FROM publications p, unnest(p.hashtags) h
                               WHERE p.asset_id = a.id AND p.status = 'live'), '{}');
CREATE INDEX assets_by_live_platform ON assets USING gin (live_platforms);
CREATE INDEX assets_by_live_hashtag ON assets USING gin (live_hashtags);
CREATE INDEX publications_live_by_time ON publications (workspace_id, published_at) WHERE status = 'live';
