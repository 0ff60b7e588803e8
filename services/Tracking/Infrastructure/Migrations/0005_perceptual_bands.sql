-- Near-duplicate lookup without scanning the library: the 64-bit dHash cut into eight 8-bit bands, each tagged with
-- its position (position * 256 + value). Two hashes within 7 bits of each other differ in at most 7 bands, so they
-- share at least one (pigeonhole): the GIN index finds those few candidates, bit_count then decides.
ALTER TABLE assets ADD COLUMN perceptual_bands int[] GENERATED ALWAYS AS (
    CASE WHEN perceptual_hash IS NULL THEN NULL ELSE ARRAY[
        0 * 256 + ((perceptual_hash >> 56) & 255)::int, 1 * 256 + ((perceptual_hash >> 48) & 255)::int,
        2 * 256 + ((perceptual_hash >> 40) & 255)::int, 3 * 256 + ((perceptual_hash >> 32) & 255)::int,
        4 * 256 + ((perceptual_hash >> 24) & 255)::int, 5 * 256 + ((perceptual_hash >> 16) & 255)::int,
        6 * 256 + ((perceptual_hash >> 8) & 255)::int,  7 * 256 + (perceptual_hash & 255)::int]
    END) STORED;
CREATE INDEX assets_by_perceptual_band ON assets USING gin (perceptual_bands);
