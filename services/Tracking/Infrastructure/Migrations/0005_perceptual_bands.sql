-- Near-duplicate lookup without scanning the library (multi-index hashing): the 64-bit dHash cut into four 16-bit
-- bands, each tagged with its position (position * 65536 + value). Two hashes within 7 bits of each other have a band
-- at most 1 bit apart (pigeonhole), so probing each band's value and its 16 one-bit neighbours finds every candidate
-- through the GIN index; bit_count then decides.
ALTER TABLE assets ADD COLUMN perceptual_bands int[] GENERATED ALWAYS AS (
    CASE WHEN perceptual_hash IS NULL THEN NULL ELSE ARRAY[
        0 * 65536 + ((perceptual_hash >> 48) & 65535)::int,
        1 * 65536 + ((perceptual_hash >> 32) & 65535)::int,
        2 * 65536 + ((perceptual_hash >> 16) & 65535)::int,
        3 * 65536 + (perceptual_hash & 65535)::int]
    END) STORED;
CREATE INDEX assets_by_perceptual_band ON assets USING gin (perceptual_bands);
