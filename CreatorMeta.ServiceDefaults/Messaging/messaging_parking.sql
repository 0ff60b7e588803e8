-- Leases, parking and retention for the outbox and inbox (see docs/decisions/0003-outbox-and-inbox.md).
ALTER TABLE outbox_messages
    ADD COLUMN claimed_until timestamptz,
    ADD COLUMN parked_at     timestamptz;

-- The dispatcher walks pending rows in publication order; parked rows drop out of that walk until re-driven.
DROP INDEX outbox_messages_pending;
CREATE INDEX outbox_messages_pending ON outbox_messages (occurred_at, id) WHERE dispatched_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_messages_parked ON outbox_messages (parked_at) WHERE parked_at IS NOT NULL;

-- Retention deletes the oldest rows first, a batch at a time.
CREATE INDEX outbox_messages_dispatched ON outbox_messages (dispatched_at) WHERE dispatched_at IS NOT NULL;
CREATE INDEX inbox_messages_processed ON inbox_messages (processed_at);
