-- Multi-index hashing answered from the indexes alone. The GIN index of 0005 could only point at rows, and checking
-- a few hundred candidates meant reading a few hundred pages of a table too big to stay in memory. One btree per band
-- that also carries the whole hash and the asset id lets bit_count decide inside the index. The band expressions must
-- match PerceptualBands.Sql character for character, or the planner will not use these indexes.
DROP INDEX assets_by_perceptual_band;
ALTER TABLE assets DROP COLUMN perceptual_bands;
CREATE INDEX assets_by_perceptual_band_0 ON assets (workspace_id, ((perceptual_hash >> 48) & 65535))
    INCLUDE (perceptual_hash, id) WHERE perceptual_hash IS NOT NULL;
CREATE INDEX assets_by_perceptual_band_1 ON assets (workspace_id, ((perceptual_hash >> 32) & 65535))
    INCLUDE (perceptual_hash, id) WHERE perceptual_hash IS NOT NULL;
CREATE INDEX assets_by_perceptual_band_2 ON assets (workspace_id, ((perceptual_hash >> 16) & 65535))
    INCLUDE (perceptual_hash, id) WHERE perceptual_hash IS NOT NULL;
CREATE INDEX assets_by_perceptual_band_3 ON assets (workspace_id, ((perceptual_hash >> 0) & 65535))
    INCLUDE (perceptual_hash, id) WHERE perceptual_hash IS NOT NULL;
