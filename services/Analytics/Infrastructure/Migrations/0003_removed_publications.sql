-- Edits and removals arrive on their own queues, possibly before the recording they follow: a fact may exist before its
-- publication date is known, and keeps which version its hashtags are from and when the post was taken down.
ALTER TABLE publication_facts
    ALTER COLUMN published_at DROP NOT NULL,
    ADD COLUMN version    integer NOT NULL DEFAULT 1,
    ADD COLUMN removed_at timestamptz;
