-- Outbox and inbox tables every service database carries (see docs/decisions/0003-outbox-and-inbox.md).
CREATE TABLE outbox_messages (
    id              uuid PRIMARY KEY,
    message_type    text        NOT NULL,
    body            jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    dispatched_at   timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    last_error      text
);
CREATE INDEX outbox_messages_pending ON outbox_messages (next_attempt_at) WHERE dispatched_at IS NULL;

CREATE TABLE inbox_messages (
    message_id   text        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, consumer)
);
